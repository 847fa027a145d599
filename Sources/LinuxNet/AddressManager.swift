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
}
