/// keepalived.conf: a notify FIFO (`*notify_fifo PATH [USER [GROUP]]`) and its reader script.
public struct NotifyFIFO: Sendable, Hashable {
    public var path: String?
    public var user: String?
    public var group: String?
    /// keepalived.conf: *notify_fifo_script
    public var script: NotifyScript?
    public var location: SourceLocation?
    public init() {}
}
