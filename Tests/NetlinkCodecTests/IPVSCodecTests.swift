import IPVSModel
import NetworkTypes
import Testing
@testable import NetlinkCodec

@Suite struct IPVSRequestTests {
    let family: UInt16 = 0x20

    func payload(_ request: IPVSRequest) -> [UInt8] {
        let message = NetlinkMessage.decodeAll(request.message(familyID: family, sequence: 9).encoded())
        return message.first?.payload ?? []
    }

    @Test func familyLookupMatchesWhatIpvsadmSends() {
        let message = GenericNetlinkFamily.lookupRequest(name: "IPVS", sequence: 1)
        #expect(message.type == 0x10)
        #expect(message.flags == NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK)
        #expect(message.encoded().count == 32)
        #expect(message.payload == IPVSFixtures.bytes("0301000009000200495056530000000"  + "0"))
    }

    @Test func addServiceIsByteForByteIpvsadms() {
        let service = IPVSService(key: .address(.tcp, IPAddress("10.0.0.1")!, port: 80), scheduler: "rr")
        #expect(payload(.newService(service)) == IPVSFixtures.ipvsadmAddTCP)
    }

    @Test func persistentServiceCarriesTimeoutAndMaskInNetworkOrder() {
        let service = IPVSService(
            key: .address(.tcp, IPAddress("10.0.0.1")!, port: 81), scheduler: "wlc", flags: .persistent, timeout: 300,
            netmask: 0xffff_ff00)
        #expect(payload(.newService(service)) == IPVSFixtures.ipvsadmAddPersistent)
    }

    @Test func firewallMarkServiceHasNoProtocolAndAPrefixLengthMask() {
        let service = IPVSService(key: .firewallMark(7, family: .inet6), scheduler: "rr")
        #expect(service.netmask == 128)
        #expect(payload(.newService(service)) == IPVSFixtures.ipvsadmAddFwmark6)
    }

    @Test func destinationCarriesIpvsadmsAttributesLessTheTunnelOnes() throws {
        let key = IPVSServiceKey.address(.tcp, IPAddress("10.0.0.1")!, port: 80)
        let destination = IPVSDestination(address: IPAddress("10.0.0.2")!, port: 8080, forwarding: .masquerade, weight: 3)
        let ours = try #require(GenericNetlinkMessage(NetlinkMessage(type: family, flags: 0, sequence: 1, payload: payload(.newDestination(key, destination)))))
        #expect(ours.command == IPVSConstants.IPVS_CMD_NEW_DEST)
        let nest = try #require(ours.attribute(IPVSConstants.IPVS_CMD_ATTR_DEST))
        let theirs = RouteAttribute.decodeAll(IPVSFixtures.ipvsadmDestinationNest[...]).first!.children.filter { ![13, 14, 15].contains($0.type) }
        #expect(nest.children == theirs)
        // The service nest names the service only.
        #expect(ours.attribute(IPVSConstants.IPVS_CMD_ATTR_SERVICE)?.children.map(\.type) == [1, 2, 3, 4])
    }

    @Test func commandsAndFlags() {
        let key = IPVSServiceKey.firewallMark(1, family: .inet)
        let cases: [(IPVSRequest, UInt8, Bool)] = [
            (.deleteService(key), 3, false), (.getServices, 4, true), (.getDestinations(key), 8, true),
            (.deleteDestination(key, IPVSDestinationKey(address: IPAddress("10.0.0.2")!, port: 80)), 7, false),
            (.setDestination(key, IPVSDestination(address: IPAddress("10.0.0.2")!, port: 80)), 6, false),
            (.setService(IPVSService(key: key)), 2, false), (.getInfo, 15, false), (.flush, 17, false),
        ]
        for (request, command, dump) in cases {
            let message = request.message(familyID: family, sequence: 1)
            #expect(message.payload.first == command)
            #expect(message.payload[1] == 1)
            let expectedFlags = dump ? NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP : NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK
            #expect(message.flags == expectedFlags)
        }
        #expect(IPVSRequest.flush.message(familyID: family, sequence: 1).encoded() == [20, 0, 0, 0, 0x20, 0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 17, 1, 0, 0])
    }
}

@Suite struct IPVSReplyTests {
    func reply(_ payload: [UInt8]) -> NetlinkMessage {
        NetlinkMessage(type: 0x20, flags: 2, sequence: 1, payload: payload)
    }

    @Test func readsTheKernelsServiceDump() throws {
        let service = try IPVSReply.service(reply(IPVSFixtures.serviceTCP4))
        #expect(service.key == .address(.tcp, IPAddress("10.0.0.1")!, port: 80))
        #expect(service.scheduler == "rr")
        #expect(service.flags == .hashed)
        #expect(service.timeout == 0)
        #expect(service.netmask == 0xffff_ffff)
        #expect(service.comparable == IPVSService(key: .address(.tcp, IPAddress("10.0.0.1")!, port: 80), scheduler: "rr"))

        let six = try IPVSReply.service(reply(IPVSFixtures.serviceUDP6))
        #expect(six.key == .address(.udp, IPAddress("2001:db8::1")!, port: 53))
        #expect(six.flags == [.persistent, .hashed])
        #expect(six.timeout == 60)
        #expect(six.netmask == 128)
    }

    @Test func readsTheKernelsDestinationDump() throws {
        let four = try IPVSReply.destination(reply(IPVSFixtures.destination4), serviceFamily: .inet)
        #expect(four == IPVSDestination(address: IPAddress("10.0.0.2")!, port: 8080, forwarding: .masquerade, weight: 3))
        let six = try IPVSReply.destination(reply(IPVSFixtures.destination6), serviceFamily: .inet6)
        #expect(six == IPVSDestination(
            address: IPAddress("2001:db8::2")!, port: 53, forwarding: .directRoute, weight: 0, upperThreshold: 9, lowerThreshold: 4))
    }

    @Test func readsInfo() throws {
        let info = try IPVSReply.info(reply(IPVSFixtures.info))
        #expect(info.versionString == "1.2.1")
        #expect(info.connectionTableSize == 4096)
    }

    @Test func whatWeSendReadsBackAsTheSameService() throws {
        let service = IPVSService(
            key: .address(.sctp, IPAddress("fd00::9")!, port: 9), scheduler: "sh", flags: [.persistent, .scheduler2], timeout: 30,
            netmask: 64, persistenceEngine: "sip")
        let sent = IPVSRequest.newService(service).message(familyID: 0x20, sequence: 1)
        // The kernel answers with NEW_SERVICE and the same nest; rebuild that from what we sent.
        var echoed = sent.payload
        echoed[0] = IPVSConstants.IPVS_CMD_NEW_SERVICE
        #expect(try IPVSReply.service(reply(echoed)) == service)
    }

    @Test func truncatedRepliesAreErrorsNotTraps() {
        for fixture in [IPVSFixtures.serviceTCP4, IPVSFixtures.destination6, IPVSFixtures.info] {
            for cut in 0..<fixture.count {
                let message = reply(Array(fixture.prefix(cut)))
                _ = try? IPVSReply.service(message)
                _ = try? IPVSReply.destination(message, serviceFamily: .inet)
                _ = try? IPVSReply.info(message)
            }
        }
        #expect(throws: IPVSDecodeError.self) { try IPVSReply.service(reply(Array(IPVSFixtures.serviceTCP4.prefix(40)))) }
        #expect(throws: IPVSDecodeError.unexpectedMessage(type: 0x20, command: 5)) { try IPVSReply.service(reply(IPVSFixtures.destination4)) }
    }

    @Test func familyReplyIsRead() {
        var payload: [UInt8] = [GenericNetlinkConstants.CTRL_CMD_NEWFAMILY, 2, 0, 0]
        payload += RouteAttribute.string(GenericNetlinkConstants.CTRL_ATTR_FAMILY_NAME, "IPVS").encoded()
        payload += RouteAttribute.uint16(GenericNetlinkConstants.CTRL_ATTR_FAMILY_ID, 32).encoded()
        payload += RouteAttribute.uint32(GenericNetlinkConstants.CTRL_ATTR_VERSION, 1).encoded()
        payload += RouteAttribute.uint32(GenericNetlinkConstants.CTRL_ATTR_MAXATTR, 6).encoded()
        let family = GenericNetlinkFamily(reply: NetlinkMessage(type: 0x10, flags: 0, sequence: 1, payload: payload))
        #expect(family == GenericNetlinkFamily(id: 32, name: "IPVS", version: 1, maximumAttribute: 6))
        #expect(GenericNetlinkFamily(reply: NetlinkMessage(type: 0x10, flags: 0, sequence: 1, payload: [1, 2])) == nil)
    }
}
