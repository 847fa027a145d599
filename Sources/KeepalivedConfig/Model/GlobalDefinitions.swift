/// keepalived.conf: global_defs and the top-level process keywords.
public struct GlobalDefinitions: Sendable {
    /// keepalived.conf: script_user (USER [GROUP])
    public var scriptUser: String?
    public var scriptGroup: String?
    /// keepalived.conf: enable_script_security
    public var enableScriptSecurity = false
    public init() {}
}
