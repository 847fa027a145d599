import KeepalivedConfig
import NetlinkCodec

/// A reload's static_ipaddress, static_routes and static_rules (keepalived's clear_diff_static_*):
/// the entries it drops are deleted (rules, routes, then addresses), the ones it adds are added
/// (addresses, routes, then rules), the ones both have are left alone. Entries are compared as what
/// goes to the kernel, so a line that only moved in the file is the same entry.
extension VRRPService {
    func reloadStatics(_ fresh: StaticDataPlane) {
        let address = { (entry: (interface: String, address: VirtualAddress)) in
            Self.interfaceIndex(entry.interface).map { entry.address.request(delete: false, interfaceIndex: $0) }
        }
        let route = { (route: Route) in route.request(delete: false, index: Self.interfaceIndex) }
        let rule = { (rule: Rule) in rule.request(delete: false) }
        let oldAddresses = installedStatics.addresses.sorted().map { statics.addresses[$0] }
        let oldRoutes = installedStatics.routes.sorted().map { statics.routes[$0] }
        let oldRules = installedStatics.rules.sorted().map { statics.rules[$0] }
        let newAddresses = Set(fresh.addresses.compactMap(address)), newRoutes = Set(fresh.routes.map(route))
        let newRules = Set(fresh.rules.map(rule))
        for old in oldRules where !newRules.contains(rule(old)) {
            do { try routes.apply(old.request(delete: true)) } catch { log("cannot remove static rule: \(error)") }
        }
        for old in oldRoutes where !newRoutes.contains(route(old)) {
            do { try deleteRoute(old.request(delete: true, index: Self.interfaceIndex)) } catch { log("cannot remove static route: \(error)") }
        }
        for old in oldAddresses where address(old).map({ !newAddresses.contains($0) }) ?? false {
            guard let index = Self.interfaceIndex(old.interface) else { continue }
            ownRemovals.insert(.init(address: old.address.prefix.address.bytes, interface: index))
            do { try addresses.apply(old.address.request(delete: true, interfaceIndex: index)) } catch {
                log("cannot remove static address \(old.address.prefix): \(error)")
            }
        }
        let keptAddresses = Set(oldAddresses.compactMap(address)), keptRoutes = Set(oldRoutes.map(route))
        let keptRules = Set(oldRules.map(rule))
        statics = fresh
        installedStatics = .init()
        for (position, entry) in fresh.addresses.enumerated() {
            guard let request = address(entry) else { continue }
            if !keptAddresses.contains(request) {
                do { try addresses.apply(request) } catch { log("cannot add static address \(entry.address.prefix): \(error)"); continue }
            }
            installedStatics.addresses.insert(position)
        }
        for (position, entry) in fresh.routes.enumerated() where keptRoutes.contains(route(entry)) || add(entry, log: "cannot add static route") {
            installedStatics.routes.insert(position)
        }
        for (position, entry) in fresh.rules.enumerated() where keptRules.contains(rule(entry)) || add(entry, log: "cannot add static rule") {
            installedStatics.rules.insert(position)
        }
    }
}
