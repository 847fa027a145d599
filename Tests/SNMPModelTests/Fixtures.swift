import NetworkTypes
@testable import SNMPModel

/// A status snapshot with three instances: two IPv4 v2 instances with several VIPs, one IPv6 v3 instance.
enum Fixtures {
    static func address(_ text: String, _ prefix: Int? = nil, isSet: Bool = true, ifIndex: UInt32 = 2, ifName: String = "eth0") -> SNMPStatus.Address {
        SNMPStatus.Address(IPAddress(text)!, prefixLength: prefix, ifIndex: ifIndex, ifName: ifName, isSet: isSet)
    }

    static let eth0 = SNMPStatus.Interface(name: "eth0", ifIndex: 2, macAddress: [0x52, 0x54, 0, 0x12, 0x34, 0x56],
                                           primaryIPv4: IPAddress("192.0.2.1"), linkLocalIPv6: IPAddress("fe80::1"))
    static let eth1 = SNMPStatus.Interface(name: "eth1", ifIndex: 3, macAddress: [0x52, 0x54, 0, 0x12, 0x34, 0x57],
                                           primaryIPv4: IPAddress("198.51.100.1"), linkLocalIPv6: IPAddress("fe80::2"))

    static var status: SNMPStatus {
        var stats = SNMPStatus.Statistics()
        stats.becomeMaster = 3
        stats.advertRcvd = 1000
        stats.chkErr = 2
        stats.versErr = 1
        stats.masterReason = 3
        return SNMPStatus(
            routerId: "lb1",
            global: .init(emails: ["ops@example.com", "noc@example.com"], trapsEnabled: true),
            syncGroups: [.init(name: "G1", state: .master, members: ["VI_1", "VI_2"], notifyMaster: "/bin/true master")],
            instances: [
                .init(name: "VI_1", vrid: 51, state: .master, initialState: .master, wantedState: .master,
                      basePriority: 150, effectivePriority: 150, vipsSet: true, interface: eth0,
                      trackedInterfaces: [.init(name: "eth0", weight: -10)],
                      trackedScripts: [.init(name: "chk_a", weight: 5), .init(name: "chk_b", weightReverse: true)],
                      syncGroup: "G1",
                      vips: [address("192.0.2.10", 24), address("192.0.2.11")],
                      excludedVips: [address("192.0.2.12")],
                      sourceAddress: IPAddress("192.0.2.1"), activeSince: 500, statistics: stats),
                .init(name: "VI_2", vrid: 52, state: .backup, initialState: .backup, wantedState: .master,
                      basePriority: 100, effectivePriority: 90, interface: eth1, authType: 1, syncGroup: "G1",
                      unicast: true, vips: [address("198.51.100.20", isSet: false, ifIndex: 3, ifName: "eth1"),
                                            address("198.51.100.10", isSet: false, ifIndex: 3, ifName: "eth1")],
                      masterAddress: IPAddress("198.51.100.2")),
                .init(name: "VI_6", vrid: 60, vrrpVersion: 3, family: .inet6, state: .fault, initialState: .backup,
                      interface: eth0, advertInterval: 500_000, accept: true,
                      vips: [address("2001:db8::10", 64)], sourceAddress: IPAddress("fe80::1")),
                .init(name: "VI_EMPTY", vrid: 70, state: .deleted, interface: eth0),
            ],
            scripts: [.init(name: "chk_a", command: "/usr/bin/check a", interval: 2, weight: 5, result: .good, rise: 2, fall: 3),
                      .init(name: "chk_b", command: "/usr/bin/check b", result: .initFailed)],
            staticAddresses: [address("203.0.113.5", 24)],
            clock: .init(now: 10_000, agentStart: 100)
        )
    }
}
