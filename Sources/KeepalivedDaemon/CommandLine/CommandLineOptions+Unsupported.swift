/// Which of the given options this build accepts without acting on them yet.

extension CommandLineOptions {
    /// The options set on this command line whose subsystem does not exist yet (logging back ends,
    /// pidfiles, process control, VRRP/IPVS/BFD/SNMP behaviour), in `--help` order.
    public var unsupportedOptionsInUse: [KeepalivedOption] {
        let defaults = CommandLineOptions()
        var used: [KeepalivedOption] = []
        func check(_ option: KeepalivedOption, _ isSet: Bool) { if isSet { used.append(option) } }
        check(.vrrpOnly, !subsystems.contains(.checkers) && !runAllSubsystems)
        check(.checkOnly, !subsystems.contains(.vrrp) && !runAllSubsystems)
        check(.noBFD, !subsystems.contains(.bfd) && !runAllSubsystems)
        check(.all, runAllSubsystems)
        check(.logConsole, logToConsole)
        check(.logDetail, logDetail != defaults.logDetail)
        check(.logFacility, logFacility != defaults.logFacility)
        check(.noSyslog, noSyslog)
        check(.releaseVIPs, releaseVIPsOnSignal)
        check(.dontReleaseVRRP, dontReleaseVRRP)
        check(.dontReleaseIPVS, dontReleaseIPVS)
        check(.dontRespawn, dontRespawn)
        check(.dontFork, dontFork)
        check(.pid, pidFile != nil)
        check(.vrrpPid, vrrpPidFile != nil)
        check(.checkersPid, checkersPidFile != nil)
        check(.addressMonitoring, addressMonitoring)
        check(.bfdPid, bfdPidFile != nil)
        check(.snmp, snmp)
        check(.snmpAgentSocket, snmpAgentSocket != nil)
        check(.namespace, namespace != nil)
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
