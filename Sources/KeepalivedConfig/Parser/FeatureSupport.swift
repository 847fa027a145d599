/// Which keywords the daemon acts on today. A keyword that parses but whose feature is not built
/// yet gets one explicit "not supported yet" warning per run, never silence.
public enum FeatureSupport {
    /// Keyword paths (`block.keyword`, root keywords bare) the runtime implements.
    /// Everything the front end only parses is listed as unsupported by omission.
    static let implemented: Set<String> = [
        "global_defs",
    ]

    /// Keywords that are accepted for compatibility and deliberately do nothing, also in keepalived.
    static let inertInKeepalived: Set<String> = [
        "vrrp_instance.debug", "virtual_server.hashed",
    ]

    static func isSupported(_ path: String) -> Bool {
        implemented.contains(path) || inertInKeepalived.contains(path)
    }
}
