/// keepalived.conf: reload and configuration-reading settings.
public struct ReloadSettings: Sendable, Hashable {
    /// keepalived.conf: reload_check_config [FILE] ("/dev/null" without a file)
    public var checkConfigLog: String?
    /// keepalived.conf: reload_time_file FILE
    public var timeFile: String?
    /// keepalived.conf: reload_repeat
    public var repeatReload = false
    /// Where reload_file points.
    public enum ReloadFile: Sendable, Hashable { case standard, path(String) }
    /// keepalived.conf: reload_file [FILE] (`.standard` is keepalived's pid-dir default)
    public var reloadFile: ReloadFile?
    /// keepalived.conf: include_check [[+|-]read|match|wildcard_match|brace_match ...]
    public var includeCheck: IncludeChecks?
    /// keepalived.conf: config_save_dir DIR (trailing '/' removed)
    public var configSaveDirectory: String?
    /// keepalived.conf: tmp_config_directory DIR
    public var temporaryConfigDirectory: String?
    public init() {}
}
