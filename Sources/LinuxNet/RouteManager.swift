import NetlinkCodec

/// Adds and removes routes and policy rules over rtnetlink.
public final class RouteManager: @unchecked Sendable {
    private let netlink: NetlinkSocket

    public init() throws(SystemCallError) {
        netlink = try NetlinkSocket()
    }

    public func apply(_ request: RouteRequest) throws(SystemCallError) {
        try netlink.request({ request.message(sequence: $0) }, name: request.operation == .delete ? "RTM_DELROUTE" : "RTM_NEWROUTE")
    }

    public func apply(_ request: RuleRequest) throws(SystemCallError) {
        try netlink.request({ request.message(sequence: $0) }, name: request.operation == .delete ? "RTM_DELRULE" : "RTM_NEWRULE")
    }
}
