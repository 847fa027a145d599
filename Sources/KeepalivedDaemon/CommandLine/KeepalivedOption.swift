/// keepalived 2.2.7's command-line option table (keepalived/core/main.c `long_options` and the
/// getopt option string), as built by Debian: VRRP, LVS, BFD, SNMP and JSON on; log-to-file, perf,
/// debug options and mem-check off.

/// One option of `keepalived`, in the order `keepalived --help` lists them.
public enum KeepalivedOption: String, CaseIterable, Sendable {
    case useFile, vrrpOnly, checkOnly, noBFD, all, logConsole, logDetail, logFacility, logFile, noSyslog
    case umask, releaseVIPs, dontReleaseVRRP, dontReleaseIPVS, dontRespawn, dontFork, dumpConf, pid
    case vrrpPid, genhash, checkersPid, addressMonitoring, bfdPid, snmp, snmpAgentSocket, namespace
    case coreDump, coreDumpPattern, allConfig, configID, signum, configTest, configFD, version, help

    /// The short letter (`-f`), nil for long-only options (`--all`, `--signum`, `--config-fd`).
    public var short: Character? {
        switch self {
        case .useFile: "f"
        case .vrrpOnly: "P"
        case .checkOnly: "C"
        case .noBFD: "B"
        case .all, .signum, .configFD: nil
        case .logConsole: "l"
        case .logDetail: "D"
        case .logFacility: "S"
        case .logFile: "g"
        case .noSyslog: "G"
        case .umask: "u"
        case .releaseVIPs: "X"
        case .dontReleaseVRRP: "V"
        case .dontReleaseIPVS: "I"
        case .dontRespawn: "R"
        case .dontFork: "n"
        case .dumpConf: "d"
        case .pid: "p"
        case .vrrpPid: "r"
        case .genhash: "T"
        case .checkersPid: "c"
        case .addressMonitoring: "a"
        case .bfdPid: "b"
        case .snmp: "x"
        case .snmpAgentSocket: "A"
        case .namespace: "s"
        case .coreDump: "m"
        case .coreDumpPattern: "M"
        case .allConfig: "e"
        case .configID: "i"
        case .configTest: "t"
        case .version: "v"
        case .help: "h"
        }
    }

    /// The long name, spelled as keepalived spells it (note `no_bfd`, `vrrp_pid`, `checkers_pid`, `bfd_pid`).
    public var long: String {
        switch self {
        case .useFile: "use-file"
        case .vrrpOnly: "vrrp"
        case .checkOnly: "check"
        case .noBFD: "no_bfd"
        case .all: "all"
        case .logConsole: "log-console"
        case .logDetail: "log-detail"
        case .logFacility: "log-facility"
        case .logFile: "log-file"
        case .noSyslog: "no-syslog"
        case .umask: "umask"
        case .releaseVIPs: "release-vips"
        case .dontReleaseVRRP: "dont-release-vrrp"
        case .dontReleaseIPVS: "dont-release-ipvs"
        case .dontRespawn: "dont-respawn"
        case .dontFork: "dont-fork"
        case .dumpConf: "dump-conf"
        case .pid: "pid"
        case .vrrpPid: "vrrp_pid"
        case .genhash: "genhash"
        case .checkersPid: "checkers_pid"
        case .addressMonitoring: "address-monitoring"
        case .bfdPid: "bfd_pid"
        case .snmp: "snmp"
        case .snmpAgentSocket: "snmp-agent-socket"
        case .namespace: "namespace"
        case .coreDump: "core-dump"
        case .coreDumpPattern: "core-dump-pattern"
        case .allConfig: "all-config"
        case .configID: "config-id"
        case .signum: "signum"
        case .configTest: "config-test"
        case .configFD: "config-fd"
        case .version: "version"
        case .help: "help"
        }
    }

    public var argument: OptionArgument {
        switch self {
        case .useFile, .logFacility, .umask, .pid, .vrrpPid, .checkersPid, .bfdPid, .snmpAgentSocket,
             .namespace, .configID, .signum, .configFD:
            .required
        case .logFile, .coreDumpPattern, .configTest:
            .optional
        default:
            .none
        }
    }

    /// The option's left column in `--help` (`-f, --use-file=FILE`), nil for options keepalived hides
    /// (`--log-file`, which Debian's build rejects, and the internal `--config-fd`).
    public var helpSyntax: String? {
        let placeholder: String
        switch self {
        case .logFile, .configFD: return nil
        case .useFile, .pid, .vrrpPid, .checkersPid, .bfdPid, .snmpAgentSocket: placeholder = "=FILE"
        case .logFacility: placeholder = "=([0-7]|local[0-7]|user|daemon)"
        case .umask: placeholder = "=MASK"
        case .namespace: placeholder = "=NAME"
        case .coreDumpPattern: placeholder = "=PATN"
        case .configID: placeholder = " id"
        case .signum: placeholder = "=SIGFUNC"
        case .configTest: placeholder = "[=LOG_FILE]"
        default: placeholder = ""
        }
        let letter = short.map { "-\($0), " } ?? "    "
        return "\(letter)--\(long)\(placeholder)"
    }

    /// What the option does, one entry per help line (our wording).
    public var helpText: [String] {
        switch self {
        case .useFile: ["Read the configuration from FILE", "default '\(CommandLineOptions.defaultConfigFile)'"]
        case .vrrpOnly: ["Run the VRRP subsystem only"]
        case .checkOnly: ["Run the health-checker subsystem only"]
        case .noBFD: ["Do not run the BFD subsystem"]
        case .all: ["Run every subsystem, even one with nothing configured"]
        case .logConsole: ["Also log to the console"]
        case .logDetail: ["More detailed log messages (twice: even more)"]
        case .logFacility: ["Syslog facility LOG_LOCAL[0-7], LOG_USER or LOG_DAEMON (default)"]
        case .logFile, .configFD: []
        case .noSyslog: ["Do not log to syslog"]
        case .umask: ["File creation mask, as a number (022, 0x12, 18)"]
        case .releaseVIPs: ["Remove the VIPs when a signal makes an instance leave MASTER"]
        case .dontReleaseVRRP: ["Leave VRRP VIPs and routes in place when stopping"]
        case .dontReleaseIPVS: ["Leave the IPVS table in place when stopping"]
        case .dontRespawn: ["Do not restart a subsystem that dies"]
        case .dontFork: ["Stay in the foreground"]
        case .dumpConf: ["Print the parsed configuration"]
        case .pid: ["Pidfile of the main process"]
        case .vrrpPid: ["Pidfile of the VRRP process"]
        case .genhash: ["genhash mode (must be the first option)"]
        case .checkersPid: ["Pidfile of the health-checker process"]
        case .addressMonitoring: ["Log every address added or removed (netlink)"]
        case .bfdPid: ["Pidfile of the BFD process"]
        case .snmp: ["Run the SNMP AgentX subagent"]
        case .snmpAgentSocket: ["AgentX socket of the master agent"]
        case .namespace: ["Run in network namespace NAME (wins over the configuration)"]
        case .coreDump: ["Allow a core dump on abnormal termination"]
        case .coreDumpPattern: ["And set /proc/sys/kernel/core_pattern to PATN (default 'core')"]
        case .allConfig: ["Every included file must exist (like includet)"]
        case .configID: [
            "Keep '@id' lines only for this id, and drop '@^id' lines",
            "default: the node name up to its first dot",
        ]
        case .signum: ["Print the signal number for \(SignalFunction.allCases.map(\.rawValue).joined(separator: ", "))"]
        case .configTest: ["Check the configuration and exit; report to LOG_FILE", "or to stderr"]
        case .version: ["Print the version and build information"]
        case .help: ["Print this help"]
        }
    }

    /// The table getopt walks.
    public static var getoptTable: [GetoptOption<KeepalivedOption>] {
        allCases.map { GetoptOption($0, short: $0.short, long: $0.long, argument: $0.argument) }
    }
}
