import KeepalivedConfig
import LinuxNet
import NetlinkCodec
#if canImport(Glibc)
import Glibc
#endif

/// virtual_routes and virtual_rules (with a master's addresses) and the static_* entries (for the
/// service's lifetime), in keepalived's order: addresses, routes, rules in; rules, routes,
/// addresses out. Only what was added is deleted, so a route that failed stays the kernel's.
extension VRRPService {
    /// The interface's index now (0 when it is gone: the kernel then refuses the request).
    static func interfaceIndex(_ name: String) -> UInt32? {
        let index = if_nametoindex(name)
        return index == 0 ? nil : index
    }

    /// After the instance's addresses: its virtual_routes, then its virtual_rules.
    func addRoutesAndRules(_ instance: RunningInstance) {
        let name = instance.runtime.router.name
        for (position, route) in instance.runtime.virtualRoutes.enumerated() where !instance.installedRoutes.contains(position) {
            if add(route, log: "(\(name)) cannot add route") { instance.installedRoutes.insert(position) }
        }
        for (position, rule) in instance.runtime.virtualRules.enumerated() where !instance.installedRules.contains(position) {
            if add(rule, log: "(\(name)) cannot add rule") { instance.installedRules.insert(position) }
        }
    }

    /// Before the instance's addresses: its rules, then its routes. `startup`: keepalived deletes
    /// every configured rule (not route) whether or not it added it, to clear a crashed run's.
    func removeRoutesAndRules(_ instance: RunningInstance, startup: Bool) {
        let name = instance.runtime.router.name
        for (position, rule) in instance.runtime.virtualRules.enumerated() where startup || instance.installedRules.contains(position) {
            do { try routes.apply(rule.request(delete: true)) } catch {
                if !startup { log("(\(name)) cannot remove rule: \(error)") }
            }
        }
        instance.installedRules.removeAll()
        for (position, route) in instance.runtime.virtualRoutes.enumerated() where instance.installedRoutes.contains(position) {
            do { try deleteRoute(route.request(delete: true, index: Self.interfaceIndex)) } catch {
                log("(\(name)) cannot remove route: \(error)")
            }
        }
        instance.installedRoutes.removeAll()
    }

    /// A reloaded master: the routes and rules both configurations have stay (and stay tracked),
    /// the dropped ones are deleted (rules first), the new ones added (as clear_diff_vroutes does).
    func carryRoutesAndRules(from old: RunningInstance, to new: RunningInstance) {
        let name = new.runtime.router.name
        // Compared as what goes to the kernel: a line that only moved in the file is the same route.
        let route = { (route: Route) in route.request(delete: false, index: Self.interfaceIndex) }
        let oldRules = old.installedRules.map { old.runtime.virtualRules[$0] }
        let oldRoutes = old.installedRoutes.map { old.runtime.virtualRoutes[$0] }
        let newRules = Set(new.runtime.virtualRules.map { $0.request(delete: false) })
        let newRoutes = Set(new.runtime.virtualRoutes.map(route))
        for rule in oldRules where !newRules.contains(rule.request(delete: false)) {
            do { try routes.apply(rule.request(delete: true)) } catch { log("(\(name)) cannot remove rule: \(error)") }
        }
        for old in oldRoutes where !newRoutes.contains(route(old)) {
            do { try deleteRoute(old.request(delete: true, index: Self.interfaceIndex)) } catch {
                log("(\(name)) cannot remove route: \(error)")
            }
        }
        let keptRoutes = Set(oldRoutes.map(route))
        let keptRules = Set(oldRules.map { $0.request(delete: false) })
        new.installedRoutes = Set(new.runtime.virtualRoutes.indices.filter { keptRoutes.contains(route(new.runtime.virtualRoutes[$0])) })
        new.installedRules = Set(new.runtime.virtualRules.indices.filter { keptRules.contains(new.runtime.virtualRules[$0].request(delete: false)) })
        addRoutesAndRules(new)
    }

    /// keepalived's start: clear leftovers of a crashed run (addresses and rules), then add every
    /// static address, route and rule.
    func installStatics() {
        guard !statics.isEmpty else { return }
        for (interface, address) in statics.addresses {
            guard let index = Self.interfaceIndex(interface) else { continue }
            ownRemovals.insert(.init(address: address.prefix.address.bytes, interface: index))
            try? addresses.apply(address.request(delete: true, interfaceIndex: index))
        }
        for rule in statics.rules { try? routes.apply(rule.request(delete: true)) }
        for (position, entry) in statics.addresses.enumerated() {
            guard let index = Self.interfaceIndex(entry.interface) else {
                log("Not adding address \(entry.address.prefix) to \(entry.interface) since interface doesn't exist")
                continue
            }
            do {
                try addresses.apply(entry.address.request(delete: false, interfaceIndex: index))
                installedStatics.addresses.insert(position)
            } catch { log("cannot add static address \(entry.address.prefix): \(error)") }
        }
        for (position, route) in statics.routes.enumerated() where add(route, log: "cannot add static route") {
            installedStatics.routes.insert(position)
        }
        for (position, rule) in statics.rules.enumerated() where add(rule, log: "cannot add static rule") {
            installedStatics.rules.insert(position)
        }
    }

    /// keepalived's stop: the static rules, routes and addresses it added are deleted.
    func removeStatics() {
        for (position, rule) in statics.rules.enumerated() where installedStatics.rules.contains(position) {
            do { try routes.apply(rule.request(delete: true)) } catch { log("cannot remove static rule: \(error)") }
        }
        for (position, route) in statics.routes.enumerated() where installedStatics.routes.contains(position) {
            do { try deleteRoute(route.request(delete: true, index: Self.interfaceIndex)) } catch {
                log("cannot remove static route: \(error)")
            }
        }
        for (position, entry) in statics.addresses.enumerated() where installedStatics.addresses.contains(position) {
            guard let index = Self.interfaceIndex(entry.interface) else { continue }
            ownRemovals.insert(.init(address: entry.address.prefix.address.bytes, interface: index))
            do { try addresses.apply(entry.address.request(delete: true, interfaceIndex: index)) } catch {
                log("cannot remove static address \(entry.address.prefix): \(error)")
            }
        }
        installedStatics = .init()
    }

    func add(_ route: Route, log prefix: String) -> Bool {
        do { try routes.apply(route.request(delete: false, index: Self.interfaceIndex)) } catch {
            log("\(prefix) \(route.destination): \(error)")
            return false
        }
        return true
    }

    func add(_ rule: Rule, log prefix: String) -> Bool {
        do { try routes.apply(rule.request(delete: false)) } catch {
            log("\(prefix) (preference \(rule.priority)): \(error)")
            return false
        }
        return true
    }
}
