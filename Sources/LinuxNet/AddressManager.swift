import NetlinkCodec

/// Adds and removes interface addresses over rtnetlink.
public final class AddressManager: @unchecked Sendable {
    private let netlink: NetlinkSocket

    public init() throws(SystemCallError) {
        netlink = try NetlinkSocket()
    }

    public func apply(_ request: AddressRequest) throws(SystemCallError) {
        try netlink.request({ request.message(sequence: $0) }, name: request.operation == .add ? "RTM_NEWADDR" : "RTM_DELADDR")
    }

    /// Many requests at once (a stop of many instances): each one's error, nil when done.
    public func applyAll(_ requests: [AddressRequest]) -> [SystemCallError?] {
        let codes = netlink.requestAll(requests.map { request in { request.message(sequence: $0) } })
        return zip(requests, codes).map { request, code in
            code == 0 ? nil : SystemCallError(request.operation == .add ? "RTM_NEWADDR" : "RTM_DELADDR", errno: code)
        }
    }
}
