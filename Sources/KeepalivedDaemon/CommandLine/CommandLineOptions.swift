/// Everything `keepalived`'s command line sets, typed, with keepalived 2.2.7's defaults.
import KeepalivedConfig

public struct CommandLineOptions: Sendable, Hashable {
    /// keepalived's DEFAULT_CONFIG_FILE on Debian.
    public static let defaultConfigFile = "/etc/keepalived/keepalived.conf"

    /// The subsystems (keepalived's child processes) to run: keepalived's `daemon_mode` bits.
    public struct Subsystems: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let vrrp = Subsystems(rawValue: 1 << 0)
        public static let checkers = Subsystems(rawValue: 1 << 1)
        public static let bfd = Subsystems(rawValue: 1 << 2)
        public static let all: Subsystems = [.vrrp, .checkers, .bfd]
    }

    /// How much detail the logs carry: `-D` once, twice.
    public enum LogDetail: Int, Sendable, Hashable, Comparable {
        case normal, detailed, extraDetailed
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// `-S/--log-facility`: the syslog facility.
    public enum SyslogFacility: Sendable, Hashable, CustomStringConvertible {
        case daemon, user
        /// LOG_LOCAL0 ... LOG_LOCAL7.
        case local(UInt8)

        /// keepalived's reading: `0`-`7` or `local0`-`local7` (LOG_LOCALn), `user`, `daemon`.
        public init?(_ text: String) {
            var digits = Substring(text)
            if digits.hasPrefix("local") { digits = digits.dropFirst(5) }
            if let n = UInt8(digits), n <= 7 {
                self = .local(n)
            } else if text == "daemon" {
                self = .daemon
            } else if text == "user" {
                self = .user
            } else {
                return nil
            }
        }

        /// The syslog(3) facility value.
        public var syslogValue: Int32 {
            switch self {
            case .daemon: 3 << 3
            case .user: 1 << 3
            case let .local(n): (16 + Int32(n)) << 3
            }
        }

        public var description: String {
            switch self {
            case .daemon: "daemon"
            case .user: "user"
            case .local(let n): "local\(n)"
            }
        }
    }

    /// `-t/--config-test[=LOG_FILE]`: where the config test reports.
    public enum ConfigTestOutput: Sendable, Hashable {
        case standardError
        /// Appended to (created 0644, never through a symbolic link).
        case file(String)
    }

    /// `-f/--use-file`: nil means `defaultConfigFile`.
    public var configFile: String?
    /// `-P/--vrrp`, `-C/--check`, `-B/--no_bfd`, `--all`.
    public var subsystems: Subsystems = .all
    /// `--all`: run every subsystem even when it has nothing configured.
    public var runAllSubsystems = false
    /// `-l/--log-console`
    public var logToConsole = false
    /// `-D/--log-detail` (repeatable)
    public var logDetail: LogDetail = .normal
    /// `-S/--log-facility`
    public var logFacility: SyslogFacility = .daemon
    /// `-G/--no-syslog`
    public var noSyslog = false
    /// `-u/--umask`: file creation mask; nil keeps keepalived's default (0177).
    public var umask: UInt32?
    /// `-X/--release-vips`
    public var releaseVIPsOnSignal = false
    /// `-V/--dont-release-vrrp`
    public var dontReleaseVRRP = false
    /// `-I/--dont-release-ipvs`
    public var dontReleaseIPVS = false
    /// `-R/--dont-respawn`
    public var dontRespawn = false
    /// `-n/--dont-fork`
    public var dontFork = false
    /// `-d/--dump-conf`
    public var dumpConfiguration = false
    /// `-p/--pid`: nil means keepalived's default (/run/keepalived.pid).
    public var pidFile: String?
    /// `-r/--vrrp_pid`: nil means /run/vrrp.pid.
    public var vrrpPidFile: String?
    /// `-c/--checkers_pid`: nil means /run/checkers.pid.
    public var checkersPidFile: String?
    /// `-b/--bfd_pid`: nil means /run/bfd.pid.
    public var bfdPidFile: String?
    /// `-a/--address-monitoring`
    public var addressMonitoring = false
    /// `-x/--snmp`
    public var snmp = false
    /// `-A/--snmp-agent-socket`
    public var snmpAgentSocket: String?
    /// `-s/--namespace`: overrides `net_namespace` of the configuration.
    public var namespace: String?
    /// `-m/--core-dump` (also set by `-M`)
    public var coreDump = false
    /// `-M/--core-dump-pattern[=PATN]`: set when given; an empty pattern means keepalived's 'core'.
    public var coreDumpPattern: String?
    /// `-e/--all-config`
    public var allConfig = false
    /// `-i/--config-id`: nil means the node name up to its first dot.
    public var configID: String?
    /// `-t/--config-test`: nil when not testing.
    public var configTest: ConfigTestOutput?
    /// `--config-fd` (keepalived internal: where a child writes the consolidated configuration).
    public var configFD: Int32?
    /// Words that are not options (keepalived prints them and otherwise ignores them).
    public var unexpectedArguments: [String] = []

    public init() {}

    /// The configuration file to read.
    public var effectiveConfigFile: String { configFile ?? Self.defaultConfigFile }

    /// The config id: `-i`, else the node name up to the first dot (keepalived's default).
    public func effectiveConfigID(nodeName: String) -> String {
        configID ?? String(nodeName.prefix(while: { $0 != "." }))
    }

    /// The loader options these command-line options ask for.
    public func loaderOptions(nodeName: String) -> ConfigLoader.Options {
        ConfigLoader.Options(
            configFile: effectiveConfigFile, configID: effectiveConfigID(nodeName: nodeName),
            includeCheck: allConfig ? .all : [])
    }
}
