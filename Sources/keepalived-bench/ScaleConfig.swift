import KeepalivedTestSupport

/// A keepalived.conf of N VRRP instances on one router, for the SNMP walk and scale benchmarks.
///
/// keepalived allows each VRID once per interface and family, so the instances are spread over
/// eth0 and extra veth interfaces (`eth1`, `eth2`, ...; 200 instances each) made in the router's
/// namespace. Every instance starts as BACKUP with priority 100 and no peer, so all of them become
/// MASTER after Master_Down_Interval (3.609 s) and install their one VIP, 10.78.x.y/32.
enum ScaleConfig {
    static let perInterface = 200
    static let priority = 100
    /// The prefix every VIP of this config starts with (for counting them).
    static let vipPrefix = "10.78."

    static func interfaceCount(_ instances: Int) -> Int { (instances + perInterface - 1) / perInterface }

    static func interface(of instance: Int) -> String { "eth\(instance / perInterface)" }

    static func vip(of instance: Int) -> String { "10.78.\(instance / 250).\(instance % 250 + 1)" }

    static func text(instances: Int, snmpSocket: String) -> String {
        var text = """
            global_defs {
              router_id bench
              enable_snmp_vrrp
              snmp_socket unix:\(snmpSocket)
            }

            """
        for i in 0..<instances {
            text += """
                vrrp_instance VI_\(i + 1) {
                  state BACKUP
                  interface \(interface(of: i))
                  virtual_router_id \(i % perInterface + 1)
                  priority \(priority)
                  advert_int 1
                  virtual_ipaddress {
                    \(vip(of: i))/32 dev \(interface(of: i))
                  }
                }

                """
        }
        return text
    }

    /// Creates eth1, eth2, ... (veth pairs whose other ends, ethNp, stay in the namespace and up),
    /// each with an IPv4 address of its own, 10.79.N.1/24: keepalived puts an instance on an
    /// interface without one into FAULT ("no IPv4 address for interface").
    static func addInterfaces(for instances: Int, in router: LabNamespace) throws {
        for n in 1..<max(1, interfaceCount(instances)) {
            let name = "eth\(n)"
            if (try? router.status(of: name)) != nil { continue }
            try router.ip("link", "add", name, "type", "veth", "peer", "name", name + "p")
            try router.ip("link", "set", name + "p", "up")
            try router.ip("address", "add", "10.79.\(n).1/24", "dev", name)
            try router.ip("link", "set", name, "up")
        }
    }

    /// Removes VIPs a daemon left behind, so the next run starts clean.
    static func removeLeftovers(for instances: Int, in router: LabNamespace) {
        for n in 0..<max(1, interfaceCount(instances)) {
            _ = try? router.ip("-4", "address", "flush", "dev", "eth\(n)", "to", "10.78.0.0/16")
        }
    }
}
