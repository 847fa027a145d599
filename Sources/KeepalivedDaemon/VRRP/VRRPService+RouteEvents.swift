import KeepalivedConfig
import LinuxNet
import NetlinkCodec
import VRRPCore

/// Routes someone else deletes (keepalived's netlink_route_filter): a master's virtual_route moves
/// it to BACKUP for Skew_Time as a deleted VIP does; a static_route is added back. Routes with
/// no_track, and our own deletions, are left alone.
extension VRRPService {
    /// Deletes a route, remembering that the event that follows is ours.
    func deleteRoute(_ request: RouteRequest) throws(SystemCallError) {
        ownRouteRemovals.append(request)
        try routes.apply(request)
    }

    func routeChanged(_ message: RouteMessage, now: Instant) {
        // keepalived watches only the routes it added (protocol keepalived).
        guard message.routeProtocol == RouteRequest.keepalivedProtocol else { return }
        let own = ownRouteRemovals.firstIndex { message.key.matches($0) }
        if let own { ownRouteRemovals.remove(at: own) }
        guard message.deleted, own == nil else { return }
        for instance in instances where router(instance).state == .master {
            for (position, route) in instance.runtime.virtualRoutes.enumerated()
            where !route.noTrack && instance.installedRoutes.contains(position)
                && message.key.matches(route.request(delete: false, index: Self.interfaceIndex)) {
                instance.installedRoutes.remove(position)
                perform(engine.handle(.virtualAddressDeleted(instance.id), now: now), now: now)
                return
            }
        }
        for (position, route) in statics.routes.enumerated()
        where !route.noTrack && installedStatics.routes.contains(position)
            && message.key.matches(route.request(delete: false, index: Self.interfaceIndex)) {
            do { try routes.apply(route.request(delete: false, index: Self.interfaceIndex)) } catch {
                log("cannot add static route \(route.destination): \(error)")
            }
            log("Restoring deleted static route \(RouteText.keepalived(route))")
            return
        }
    }
}

extension VRRPService {
    /// keepalived's set_extra_netlink_monitoring: route events are listened to only once some
    /// virtual or static route exists (every address change brings route events otherwise).
    func watchRoutesIfNeeded() {
        guard !watchingRoutes, !statics.routes.isEmpty || instances.contains(where: { !$0.runtime.virtualRoutes.isEmpty }) else { return }
        do {
            try linkEvents.join(group: NetlinkConstants.RTNLGRP_IPV4_ROUTE)
            try linkEvents.join(group: NetlinkConstants.RTNLGRP_IPV6_ROUTE)
            watchingRoutes = true
        } catch {
            log("Netlink: Cannot add membership on netlink socket : \(error)")
        }
    }
}
