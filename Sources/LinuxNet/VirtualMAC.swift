import CLinuxNet
import NetlinkCodec
#if canImport(Glibc)
import Glibc
#endif

/// keepalived's use_vmac: a private macvlan named like `vrrp.51` on the instance's interface,
/// carrying the VRRP virtual MAC (00:00:5e:00:01:VRID, or :02: for IPv6), with keepalived's sysctls.
public enum VirtualMAC {
    /// The RFC 5798 §7.3 virtual router MAC.
    public static func address(vrid: UInt8, ipv6: Bool) -> [UInt8] { [0x00, 0x00, 0x5e, 0x00, ipv6 ? 0x02 : 0x01, vrid] }

    /// Creates (or re-creates, when a stale one is left) the VMAC and sets it up; returns its index.
    public static func create(name: String, base: InterfaceInfo, mac: [UInt8], ipv4: Bool) throws(SystemCallError) -> UInt32 {
        let netlink = try NetlinkSocket()
        if let stale = Interfaces.lookup(name) {
            try? netlink.request({ LinkRequest.delete(index: stale.index, sequence: $0) }, name: "RTM_DELLINK(\(name))")
        }
        try netlink.request({ LinkRequest.createMACVLAN(name: name, base: base.index, mac: mac, sequence: $0) }, name: "RTM_NEWLINK(\(name))")
        guard let created = Interfaces.lookup(name) else { throw SystemCallError("if_nametoindex(\(name))", errno: ENODEV) }
        if ipv4 {
            // keepalived: answer ARP only for the VMAC's own addresses, accept our own source, no reverse-path filter.
            for (key, value) in [("arp_ignore", 1), ("accept_local", 1), ("rp_filter", 0), ("promote_secondaries", 1)] {
                Sysctl.write("net/ipv4/conf/\(name)/\(key)", value)
            }
            for key in ["arp_ignore", "arp_filter"] { Sysctl.write("net/ipv4/conf/\(base.name)/\(key)", 1) }
        }
        try? netlink.request({ LinkRequest.disableAddressGeneration(index: created.index, sequence: $0) }, name: "IFLA_INET6_ADDR_GEN_MODE")
        try netlink.request({ LinkRequest.setUp(index: created.index, sequence: $0) }, name: "RTM_NEWLINK(up \(name))")
        return created.index
    }

    /// Deletes the VMAC (at stop, as keepalived does).
    public static func delete(name: String) {
        guard let link = Interfaces.lookup(name), let netlink = try? NetlinkSocket() else { return }
        try? netlink.request({ LinkRequest.delete(index: link.index, sequence: $0) }, name: "RTM_DELLINK(\(name))")
    }
}
