import IPVSModel
import NetworkTypes
import Testing
@testable import NetlinkCodec

/// The tunnel attributes of a destination, the timeouts and the sync daemon, laid out as keepalived
/// 2.2.7's libipvs builds them (ipvs_nl_fill_dest_attr, ipvs_set_timeout, ipvs_start_daemon,
/// ipvs_stop_daemon).
@Suite struct IPVSConfigCodecTests {
    func payload(_ request: IPVSRequest) -> [UInt8] {
        NetlinkMessage.decodeAll(request.message(familyID: 0x20, sequence: 9).encoded()).first?.payload ?? []
    }

    /// The destination nest of NEW_DEST: family, address, port, method, weight, then the tunnel's
    /// type, GUE port (network order) and flags, then the thresholds.
    @Test func gueDestinationIsKeepalivedsNest() {
        let key = IPVSServiceKey.address(.tcp, IPAddress("10.0.0.1")!, port: 80)
        let destination = IPVSDestination(address: IPAddress("10.0.0.2")!, port: 80, forwarding: .tunnel, weight: 1,
                                          tunnel: IPVSTunnel(type: .gue, port: 6080, flags: .checksum))
        // The destination nest comes last, after the service's.
        #expect(Array(payload(.newDestination(key, destination)).suffix(96)) == IPVSFixtures.bytes(
            "600002800600" + "0b0002000000" + "140001000a000002000000000000000000000000" + "06000200005000000800030002000000"
            + "0800040001000000" + "05000d0001000000" + "06000e0017c00000" + "06000f0001000000"
            + "08000500000000000800060000000000"))
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

    /// keepalived always sends all three, unset ones filled with the values it read at start.
    @Test func setConfigCarriesTheThreeTimeouts() {
        let timeouts = IPVSTimeouts(tcp: 7200).filled(from: IPVSTimeouts(tcp: 900, tcpFin: 120, udp: 300))
        #expect(payload(.setTimeouts(timeouts)) == IPVSFixtures.bytes(
            "0c010000" + "08000400201c0000" + "0800050078000000" + "080006002c010000"))
        #expect(payload(.getTimeouts) == [13, 1, 0, 0])
    }

    @Test func getConfigReplyIsRead() throws {
        var payload: [UInt8] = [IPVSConstants.IPVS_CMD_SET_CONFIG, 1, 0, 0]
        payload += IPVSRequest.setTimeouts(IPVSTimeouts(tcp: 900, tcpFin: 120, udp: 300)).attributes.flatMap { $0.encoded() }
        let timeouts = try IPVSReply.timeouts(NetlinkMessage(type: 0x20, flags: 0, sequence: 1, payload: payload))
        #expect(timeouts == IPVSTimeouts(tcp: 900, tcpFin: 120, udp: 300))
        #expect(throws: IPVSDecodeError.self) { try IPVSReply.timeouts(NetlinkMessage(type: 0x20, flags: 0, sequence: 1, payload: [15, 1, 0, 0])) }
    }

    /// NEW_DAEMON: state, interface, sync id, then maxlen, port, ttl and group only when set.
    @Test func newDaemonIsKeepalivedsMessage() {
        let daemon = IPVSSyncDaemon(state: .master, interface: "eth0", syncID: 51, maxLength: 1400, port: 8848, ttl: 2,
                                    group: IPAddress("224.0.0.81")!)
        #expect(payload(.newDaemon(daemon)) == IPVSFixtures.bytes(
            "09010000" + "40000380" + "0800010001000000" + "0900020065746830" + "00000000" + "0800030033000000"
            + "0600040078050000" + "0600070090220000" + "0500080002000000" + "08000500e0000051"))
        #expect(payload(.newDaemon(IPVSSyncDaemon(state: .backup, interface: "eth1", syncID: 0))) == IPVSFixtures.bytes(
            "09010000" + "20000380" + "0800010002000000" + "0900020065746831" + "00000000" + "0800030000000000"))
    }

    @Test func ipv6GroupTravelsAsGroup6() {
        let daemon = IPVSSyncDaemon(state: .backup, interface: "eth0", syncID: 1, group: IPAddress("ff02::81")!)
        let attributes = IPVSRequest.daemonAttributes(daemon)
        #expect(attributes.map(\.type) == [1, 2, 3, 6])
        #expect(attributes.last?.value == IPAddress("ff02::81")!.bytes)
    }

    @Test func delDaemonNamesStateAndSyncID() {
        #expect(payload(.deleteDaemon(.backup, syncID: 51)) == IPVSFixtures.bytes(
            "0a010000" + "14000380" + "0800010002000000" + "0800030033000000"))
    }
}
