import LinuxNet
import VRRPCore

/// The socket side of one instance, per address family: send adverts, read packets, announce
/// addresses (gratuitous ARP for IPv4, unsolicited NA for IPv6).
protocol AdvertTransport: AnyObject {
    var descriptor: Int32 { get }
    /// The advert source: the configured one, else the interface's primary IPv4 / link-local IPv6
    /// (all zeros while the interface has none; netlink address events update it).
    var source: [UInt8] { get set }
    var multicastGroup: [UInt8] { get }
    /// Sends one advert; IPv4 with auth_type AH puts it inside `ah` (sealed under its key).
    func send(_ vrrp: [UInt8], to destination: [UInt8], ah: (header: IPsecAH, key: [UInt8])?) throws(SystemCallError)
    /// Every packet waiting, with the VRID it carries.
    func receiveAll() -> [(vrid: UInt8, packet: ReceiveCheck.Packet)]
    func announce(_ address: [UInt8]) throws(SystemCallError)
}

final class IPv4Transport: AdvertTransport {
    let socket: VRRPSocketV4
    let arp: GratuitousARP
    var source: [UInt8]
    var descriptor: Int32 { socket.descriptor }
    let multicastGroup: [UInt8]

    /// `ipsecAH`: the socket carries protocol 51 (AH) instead of 112, as keepalived's does.
    /// `announceOn`: where gratuitous ARPs go when not `interface` (a VMAC with vmac_xmit_base).
    init(interface: InterfaceInfo, announceOn: InterfaceInfo? = nil, source: [UInt8]?, multicast: Bool, group: [UInt8]?,
         ipsecAH: Bool) throws(SystemCallError) {
        multicastGroup = group ?? VRRPSocketV4.multicastGroup
        socket = try VRRPSocketV4(
            interface: interface, joinMulticast: multicast, group: multicastGroup,
            ipProtocol: ipsecAH ? IPProtocolNumber.ah : IPProtocolNumber.vrrp)
        arp = try GratuitousARP(interface: announceOn ?? interface)
        self.source = source ?? interface.primaryIPv4 ?? [0, 0, 0, 0]
    }

    func send(_ vrrp: [UInt8], to destination: [UInt8], ah: (header: IPsecAH, key: [UInt8])?) throws(SystemCallError) {
        try socket.send(vrrp, source: source, destination: destination, ah: ah)
    }

    func receiveAll() -> [(vrid: UInt8, packet: ReceiveCheck.Packet)] {
        var packets: [(vrid: UInt8, packet: ReceiveCheck.Packet)] = []
        while let bytes = try? socket.receive() {
            guard bytes.count > 20 else { continue }
            let offset = Int(bytes[0] & 0x0f) * 4 + (bytes[9] == IPProtocolNumber.ah ? 24 : 0)
            guard bytes.count > offset + 1 else { continue }
            packets.append((bytes[offset + 1], ReceiveCheck.Packet(bytes: bytes, ttlOrHopLimit: Int(bytes[8]))))
        }
        return packets
    }

    func announce(_ address: [UInt8]) throws(SystemCallError) {
        guard address.count == 4 else { return }
        try arp.announce(address)
    }
}

final class IPv6Transport: AdvertTransport {
    let socket: VRRPSocketV6
    let neighborAdvertisement: NeighborAdvertisement
    var source: [UInt8]
    var descriptor: Int32 { socket.descriptor }
    let multicastGroup: [UInt8]

    /// `announceOn`: where unsolicited NAs go when not `interface` (a VMAC with vmac_xmit_base).
    init(interface: InterfaceInfo, announceOn: InterfaceInfo? = nil, source: [UInt8]?, multicast: Bool, group: [UInt8]?) throws(SystemCallError) {
        multicastGroup = group ?? VRRPSocketV6.multicastGroup
        socket = try VRRPSocketV6(interface: interface, joinMulticast: multicast, group: multicastGroup)
        neighborAdvertisement = try NeighborAdvertisement(interface: announceOn ?? interface)
        self.source = source ?? interface.linkLocalIPv6 ?? Array(repeating: 0, count: 16)
    }

    /// AH is IPv4 only (the configuration drops it for IPv6), so `ah` is never set here.
    func send(_ vrrp: [UInt8], to destination: [UInt8], ah: (header: IPsecAH, key: [UInt8])?) throws(SystemCallError) {
        try socket.send(vrrp, source: source, destination: destination)
    }

    func receiveAll() -> [(vrid: UInt8, packet: ReceiveCheck.Packet)] {
        var packets: [(vrid: UInt8, packet: ReceiveCheck.Packet)] = []
        while let received = try? socket.receive() {
            guard received.payload.count > 1 else { continue }
            packets.append((received.payload[1], ReceiveCheck.Packet(
                bytes: received.payload, ttlOrHopLimit: received.hopLimit, source: received.source,
                destination: received.destination, isMulticast: received.isMulticast)))
        }
        return packets
    }

    func announce(_ address: [UInt8]) throws(SystemCallError) {
        guard address.count == 16 else { return }
        try neighborAdvertisement.announce(address)
    }
}
