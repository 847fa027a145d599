import IPVSModel
import NetworkTypes
import Testing
@testable import NetlinkCodec

/// The tunnel attributes of a destination, the timeouts and the sync daemon, byte for byte as keepalived
/// 2.2.7 sends them: the expected payloads are its own, captured with `strace -e sendmsg -xx` in the
/// QEMU guest running IPVSTunnelSyncGuestTests' configuration (libipvs.c ipvs_nl_fill_dest_attr,
/// ipvs_set_timeout, ipvs_start_daemon, ipvs_stop_daemon).
@Suite struct IPVSConfigCodecTests {
    func payload(_ request: IPVSRequest) -> [UInt8] {
        NetlinkMessage.decodeAll(request.message(familyID: 0x20, sequence: 9).encoded()).first?.payload ?? []
    }

    static let service = IPVSServiceKey.address(.tcp, IPAddress("10.9.9.9")!, port: 80)

    /// The destination nest of NEW_DEST (it comes last, after the service's): family, address, port,
    /// method, weight, then the tunnel's type, GUE port (network order) and flags, then the thresholds.
    @Test(arguments: [
        ("10.0.1.2", IPVSTunnel(type: .gue, port: 6080, flags: .checksum),
         "6000028006000b0002000000140001000a00010200000000000000000000000006000200005000000800030002000000"
         + "080004000100000005000d000100000006000e0017c0000006000f000100000008000500000000000800060000000000"),
        ("10.0.2.2", IPVSTunnel(type: .gre),
         "5800028006000b0002000000140001000a00020200000000000000000000000006000200005000000800030002000000"
         + "080004000100000005000d000200000006000f000000000008000500000000000800060000000000"),
        ("10.0.3.2", IPVSTunnel(type: .gue, port: 7070, flags: .remoteChecksum),
         "6000028006000b0002000000140001000a00030200000000000000000000000006000200005000000800030002000000"
         + "080004000100000005000d000100000006000e001b9e000006000f000200000008000500000000000800060000000000"),
    ])
    func tunnelDestinationIsKeepalivedsNest(address: String, tunnel: IPVSTunnel, captured: String) {
        let destination = IPVSDestination(address: IPAddress(address)!, port: 80, forwarding: .tunnel, weight: 1, tunnel: tunnel)
        let expected = IPVSFixtures.bytes(captured)
        #expect(Array(payload(.newDestination(Self.service, destination)).suffix(expected.count)) == expected)
    }

    @Test(arguments: [
        (IPVSTunnel.ipip, [UInt16(13)]),
        (IPVSTunnel(type: .gre, flags: .checksum), [13, 15]),
        (IPVSTunnel(type: .gue, port: 5555, flags: .remoteChecksum), [13, 14, 15]),
    ])
    func tunnelAttributesFollowTheType(tunnel: IPVSTunnel, types: [UInt16]) {
        let destination = IPVSDestination(address: IPAddress("10.0.0.2")!, port: 80, forwarding: .tunnel, tunnel: tunnel)
        #expect(IPVSRequest.destinationAttributes(destination).map(\.type) == [11, 1, 2, 3, 4] + types + [5, 6])
        var direct = destination
        direct.forwarding = .directRoute
        #expect(IPVSRequest.destinationAttributes(direct).map(\.type) == [11, 1, 2, 3, 4, 5, 6])
    }

    @Test func kernelsTunnelSettingsReadBack() throws {
        var payload: [UInt8] = [IPVSConstants.IPVS_CMD_NEW_DEST, 1, 0, 0]
        let destination = IPVSDestination(address: IPAddress("10.0.0.2")!, port: 80, forwarding: .tunnel, weight: 2,
                                          tunnel: IPVSTunnel(type: .gre, flags: .checksum))
        var attributes = IPVSRequest.destinationAttributes(destination)
        attributes.append(.bigEndian16(IPVSConstants.IPVS_DEST_ATTR_TUN_PORT, 0))
        payload += RouteAttribute.nested(IPVSConstants.IPVS_CMD_ATTR_DEST, attributes).encoded()
        let read = try IPVSReply.destination(NetlinkMessage(type: 0x20, flags: 2, sequence: 1, payload: payload), serviceFamily: .inet)
        #expect(read == destination)
        #expect(read.summary == "10.0.0.2:80 Tunnel 2 gre csum")
    }

    /// keepalived reads the kernel's timeouts, sets all three, and at stop puts the ones it read back.
    @Test func setConfigCarriesTheThreeTimeouts() {
        #expect(payload(.getTimeouts) == [13, 1, 0, 0])
        #expect(payload(.setTimeouts(IPVSTimeouts(tcp: 7200, tcpFin: 90, udp: 45)))
                == IPVSFixtures.bytes("0c01000008000400201c0000080005005a000000080006002d000000"))
        let restored = IPVSTimeouts().filled(from: IPVSTimeouts(tcp: 900, tcpFin: 120, udp: 300))
        #expect(payload(.setTimeouts(restored)) == IPVSFixtures.bytes("0c01000008000400840300000800050078000000080006002c010000"))
        #expect(IPVSTimeouts(tcp: 7200).filled(from: restored) == IPVSTimeouts(tcp: 7200, tcpFin: 120, udp: 300))
    }

    @Test func getConfigReplyIsRead() throws {
        var payload: [UInt8] = [IPVSConstants.IPVS_CMD_SET_CONFIG, 1, 0, 0]
        payload += IPVSRequest.setTimeouts(IPVSTimeouts(tcp: 900, tcpFin: 120, udp: 300)).attributes.flatMap { $0.encoded() }
        let timeouts = try IPVSReply.timeouts(NetlinkMessage(type: 0x20, flags: 0, sequence: 1, payload: payload))
        #expect(timeouts == IPVSTimeouts(tcp: 900, tcpFin: 120, udp: 300))
        #expect(throws: IPVSDecodeError.self) { try IPVSReply.timeouts(NetlinkMessage(type: 0x20, flags: 0, sequence: 1, payload: [15, 1, 0, 0])) }
    }

    /// NEW_DAEMON: state, interface, sync id, then maxlen, port, ttl and group only when set; the
    /// backup daemon at start, the master one when the instance becomes master.
    @Test func newDaemonIsKeepalivedsMessage() {
        let daemon = IPVSSyncDaemon(state: .backup, interface: "vd2", syncID: 7, maxLength: 1400, port: 8848, ttl: 2,
                                    group: IPAddress("224.0.0.81")!)
        let captured = "090100003c00038008000100020000000800020076643200080003000700000006000400780500000600070090220000"
            + "050008000200000008000500e0000051"
        #expect(payload(.newDaemon(daemon)) == IPVSFixtures.bytes(captured))
        var master = IPVSFixtures.bytes(captured)
        master[12] = 1
        #expect(payload(.newDaemon(daemon.with(state: .master))) == master)
        #expect(payload(.newDaemon(IPVSSyncDaemon(state: .backup, interface: "eth1", syncID: 0))) == IPVSFixtures.bytes(
            "09010000" + "20000380" + "0800010002000000" + "0900020065746831" + "00000000" + "0800030000000000"))
    }

    @Test func ipv6GroupTravelsAsGroup6() {
        let daemon = IPVSSyncDaemon(state: .backup, interface: "eth0", syncID: 1, group: IPAddress("ff02::81")!)
        let attributes = IPVSRequest.daemonAttributes(daemon)
        #expect(attributes.map(\.type) == [1, 2, 3, 6])
        #expect(attributes.last?.value == IPAddress("ff02::81")!.bytes)
    }

    /// DEL_DAEMON names the state and the sync id only: the backup daemon as the instance becomes
    /// master, the master one at stop.
    @Test func delDaemonNamesStateAndSyncID() {
        #expect(payload(.deleteDaemon(.backup, syncID: 7)) == IPVSFixtures.bytes("0a0100001400038008000100020000000800030007000000"))
        #expect(payload(.deleteDaemon(.master, syncID: 7)) == IPVSFixtures.bytes("0a0100001400038008000100010000000800030007000000"))
    }
}
