/// Which of the given options this build accepts without acting on them yet.

extension CommandLineOptions {
    /// The options set on this command line whose subsystem does not exist yet (the checker, BFD,
    /// SNMP, detailed logging, core dumps), in `--help` order. VRRP-only running, console and
    /// syslog logging, -V, -I, -n, -R (one process: nothing to respawn), the main and VRRP pidfiles and
    /// -s are implemented.
    public var unsupportedOptionsInUse: [KeepalivedOption] {
        var used: [KeepalivedOption] = []
        func check(_ option: KeepalivedOption, _ isSet: Bool) { if isSet { used.append(option) } }
        check(.checkOnly, !subsystems.contains(.vrrp) && !runAllSubsystems)
        check(.all, runAllSubsystems)
        // -X/--release-vips needs nothing: leaving MASTER always releases the addresses, set by this
        // run or not (keepalived 2.2.7 does that only with -X or -V).
        check(.checkersPid, checkersPidFile != nil)
        check(.addressMonitoring, addressMonitoring)
        check(.bfdPid, bfdPidFile != nil)
        check(.coreDump, coreDump && coreDumpPattern == nil)
        check(.coreDumpPattern, coreDumpPattern != nil)
        check(.configFD, configFD != nil)
        return used
    }
}

extension KeepalivedOption {
    /// `-x/--snmp`, or `--all` for long-only options.
    public var displayName: String {
        short.map { "-\($0)/--\(long)" } ?? "--\(long)"
    }
}
