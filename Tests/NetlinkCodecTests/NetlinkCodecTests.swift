import Testing
@testable import NetlinkCodec

@Test func addressRequestHasTheKernelsLayout() {
    var request = AddressRequest(operation: .add, interfaceIndex: 3, address: [10, 0, 0, 100], prefixLength: 24)
    request.label = "eth0:1"
    let bytes = request.message(sequence: 7).encoded()
    let decoded = NetlinkMessage.decodeAll(bytes)
    #expect(decoded.count == 1)
    #expect(decoded[0].type == NetlinkConstants.RTM_NEWADDR)
    #expect(decoded[0].sequence == 7)
    #expect(Array(decoded[0].payload.prefix(4)) == [2, 24, 0, 0])
    let attributes = RouteAttribute.decodeAll(decoded[0].payload[8...])
    #expect(attributes.map(\.type) == [NetlinkConstants.IFA_LOCAL, NetlinkConstants.IFA_ADDRESS, NetlinkConstants.IFA_LABEL])
    #expect(attributes[2].value == Array("eth0:1".utf8) + [0])
    #expect(bytes.count % 4 == 0)
}

@Test func errorMessagesCarryErrno() {
    var payload: [UInt8] = []
    payload.appendHost(Int32(-17))
    payload += Array(repeating: 0, count: 16)
    let message = NetlinkMessage(type: NetlinkConstants.NLMSG_ERROR, flags: 0, sequence: 1, payload: payload)
    #expect(NetlinkMessage.decodeAll(message.encoded()).first?.errorCode == -17)
}

@Test func truncatedDatagramsDecodeToWhatIsWhole() {
    let whole = AddressRequest(operation: .delete, interfaceIndex: 1, address: [1, 2, 3, 4], prefixLength: 32).message(sequence: 1).encoded()
    for cut in 0..<whole.count {
        #expect(NetlinkMessage.decodeAll(Array(whole.prefix(cut))).isEmpty)
    }
}
