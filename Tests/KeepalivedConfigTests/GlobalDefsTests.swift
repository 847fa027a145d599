import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// global_defs and the root process keywords, checked against keepalived 2.2.7.
@Suite("global_defs")
struct GlobalDefsTests {
    static let path = "/etc/keepalived/keepalived.conf"

    static func load(_ text: String, host: InMemoryHost? = nil) -> LoadedConfiguration {
        var host = host ?? InMemoryHost()
        host.add(path, text)
        return ConfigLoader.load(.init(configFile: path, configID: "lab1"), host: host)
    }

    static func globalDefs(_ body: String, host: InMemoryHost? = nil) -> LoadedConfiguration {
        load("global_defs {\n\(body)\n}\n", host: host)
    }

    /// The messages keepalived itself would print (diagnostics that carry a keepalived class).
    static func reported(_ loaded: LoadedConfiguration) -> [String] {
        loaded.diagnostics.filter { $0.keepalivedClass != nil }.map(\.message)
    }

    // MARK: - Defaults

    @Test func defaultsAreKeepalivedsWithoutGlobalDefs() {
        let loaded = Self.load("")
        let global = loaded.configuration.global
        #expect(global.location == nil)
        #expect(global.routerID == nil)
        #expect(global.vrrp.multicastGroup4 == IPAddress("224.0.0.18"))
        #expect(global.vrrp.multicastGroup6 == IPAddress("ff02::12"))
        #expect(global.vrrp.garpMasterDelay == 5_000_000)
        #expect(global.vrrp.garpMasterRepeat == 5)
        #expect(global.vrrp.garpMasterRefresh == 0)
        #expect(global.vrrp.garpMasterRefreshRepeat == 1)
        #expect(global.vrrp.garpLowerPriorityDelay == nil)
        #expect(global.vrrp.downTimerAdverts == 3)
        #expect(global.vrrp.version == 2)
        #expect(global.vrrp.receiveBufferMultiplier == 3)
        #expect(global.minAutoPriorityDelay == 1_000_000)
        #expect(global.maxAutoPriority == nil)
        #expect(global.vrrpProcess.realtimeLimit == 10_000)
        #expect(global.smtp.alert == nil)
        #expect(global.smtp.connectTimeout == nil)
        #expect(global.lvs.flushOnStop == .none)
        #expect(global.reload.includeCheck == nil)
        #expect(loaded.configTestExitCode == 0)
    }

    // MARK: - Typed values

    @Test func identitySMTPAndSNMP() {
        let loaded = Self.globalDefs("""
            router_id lb-01
            notification_email {
              ops@example.com
              noc@example.com
            }
            notification_email_from keepalived@lb-01.example.com
            smtp_server 192.0.2.25 2525
            smtp_helo_name lb-01.example.com
            smtp_connect_timeout 45
            smtp_alert
            smtp_alert_vrrp off
            smtp_alert_checker yes
            no_email_faults
            snmp_socket udp:localhost:705
            enable_traps
            enable_snmp_keepalived
            enable_snmp_rfc
            enable_dbus
            dbus_service_name org.keepalived.Vrrp1
            """)
        let global = loaded.configuration.global
        #expect(global.location?.line == 1)
        #expect(global.routerID == "lb-01")
        #expect(global.smtp.notificationEmails == ["ops@example.com", "noc@example.com"])
        #expect(global.smtp.emailFrom == "keepalived@lb-01.example.com")
        #expect(global.smtp.server == .address(IPAddress("192.0.2.25")!, port: 2525))
        #expect(global.smtp.heloName == "lb-01.example.com")
        #expect(global.smtp.connectTimeout == 45_000_000)
        #expect(global.smtp.alert == true)
        #expect(global.smtp.alertVRRP == false)
        #expect(global.smtp.alertChecker == true)
        #expect(global.smtp.noEmailFaults)
        #expect(global.snmp.socket == "udp:localhost:705")
        #expect(global.snmp.enableTraps && global.snmp.enableKeepalivedMIB)
        #expect(global.snmp.enableRFCv2 && global.snmp.enableRFCv3 && !global.snmp.enableChecker)
        #expect(global.snmp.enableDBus && global.snmp.dbusServiceName == "org.keepalived.Vrrp1")
        #expect(Self.reported(loaded) == [])
        #expect(loaded.configTestExitCode == 0)
    }

    @Test func smtpServerByName() {
        let global = Self.globalDefs("smtp_server mail.example.com").configuration.global
        #expect(global.smtp.server == .hostname("mail.example.com", port: 25))
    }

    /// Extensions: fallback servers in order, retries and their first delay; no warning for them.
    @Test func smtpDeliveryExtensions() {
        let loaded = Self.globalDefs("""
            smtp_server 192.0.2.25
            smtp_fallback_server 192.0.2.26 2525
            smtp_fallback_server relay.example.com
            smtp_retries 3
            smtp_retry_delay 20
            smtp_rate_limit 5 60
            smtp_ehlo
            smtp_tls STARTTLS
            smtp_tls_ca_file /etc/keepalived/ca.pem
            smtp_tls_server_name smtp.example.com
            smtp_auth_user alerts
            smtp_auth_secret_file /etc/keepalived/smtp-secret
            """)
        let smtp = loaded.configuration.global.smtp
        #expect(smtp.fallbackServers == [.address(IPAddress("192.0.2.26")!, port: 2525), .hostname("relay.example.com", port: 25)])
        #expect(smtp.retries == 3 && smtp.retryDelay == 20_000_000)
        #expect(smtp.rateLimit == .init(count: 5, seconds: 60))
        #expect(smtp.ehlo && smtp.tls == .startTLS && smtp.tlsCAFile == "/etc/keepalived/ca.pem")
        #expect(smtp.tlsServerName == "smtp.example.com" && smtp.authUser == "alerts")
        #expect(smtp.authSecretFile == "/etc/keepalived/smtp-secret")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.configTestExitCode == 0)
        #expect(GlobalDefinitions().smtp.retries == 0 && GlobalDefinitions().smtp.fallbackServers.isEmpty)
    }

    @Test func smtpTLSTakesOnlyItsTwoModes() {
        let loaded = Self.globalDefs("smtp_tls always")
        #expect(loaded.configuration.global.smtp.tls == nil)
        #expect(loaded.diagnostics.map(\.message) == ["smtp_tls 'always' must be starttls or implicit"])
    }

    @Test func smtpRetriesOutOfRangeIsReported() {
        let loaded = Self.globalDefs("smtp_retries 11\nsmtp_retry_delay 0")
        #expect(loaded.configuration.global.smtp.retries == 0 && loaded.configuration.global.smtp.retryDelay == nil)
        #expect(loaded.diagnostics.map(\.message).filter { $0.contains("outside range") }.count == 2, "\(loaded.diagnostics)")
    }

    @Test func vrrpDefaultsAndGARPTuning() {
        let loaded = Self.globalDefs("""
            vrrp_mcast_group4 224.0.0.19
            vrrp_mcast_group6 ff02::13
            vrrp_garp_master_delay 2
            vrrp_garp_master_repeat 3
            vrrp_garp_master_refresh 60
            vrrp_garp_master_refresh_repeat 2
            vrrp_garp_lower_prio_delay 1
            vrrp_garp_lower_prio_repeat 4
            vrrp_down_timer_adverts 5
            vrrp_garp_interval 0.001
            vrrp_gna_interval 0.000250
            vrrp_garp_extra_if all 30
            vrrp_lower_prio_no_advert
            vrrp_higher_prio_send_advert false
            vrrp_version 3
            vrrp_check_unicast_src
            vrrp_skip_check_adv_addr
            vrrp_strict
            nftables
            nftables_priority -5
            nftables_counters
            dynamic_interfaces allow_if_changes
            default_interface eth0
            vrrp_rx_bufs_policy ADVERT
            vrrp_rx_bufs_multiplier 4
            vrrp_startup_delay 2.5
            log_unknown_vrids
            vmac_prefix kv
            vrrp_notify_priority_changes
            """)
        let vrrp = loaded.configuration.global.vrrp
        #expect(vrrp.multicastGroup4 == IPAddress("224.0.0.19"))
        #expect(vrrp.multicastGroup6 == IPAddress("ff02::13"))
        #expect(vrrp.garpMasterDelay == 2_000_000)
        #expect(vrrp.garpMasterRepeat == 3)
        #expect(vrrp.garpMasterRefresh == 60_000_000)
        #expect(vrrp.garpMasterRefreshRepeat == 2)
        #expect(vrrp.garpLowerPriorityDelay == 1_000_000)
        #expect(vrrp.garpLowerPriorityRepeat == 4)
        #expect(vrrp.downTimerAdverts == 5)
        #expect(vrrp.garpInterval == 1000)
        #expect(vrrp.gnaInterval == 250)
        #expect(vrrp.garpExtraAllInterfaces && vrrp.garpExtraInterfaceInterval == 30)
        #expect(vrrp.lowerPriorityNoAdvert && !vrrp.higherPrioritySendAdvert)
        #expect(vrrp.version == 3)
        #expect(vrrp.checkUnicastSource && vrrp.skipCheckAdvertAddresses && vrrp.strict)
        #expect(vrrp.nftablesTable == "keepalived")
        #expect(vrrp.nftablesPriority == -5)
        #expect(vrrp.nftablesCounters && !vrrp.nftablesUseIfindex)
        #expect(vrrp.dynamicInterfaces && vrrp.allowInterfaceChanges)
        #expect(vrrp.defaultInterface == "eth0")
        #expect(vrrp.receiveBufferPolicy == .advert)
        #expect(vrrp.receiveBufferMultiplier == 4)
        #expect(vrrp.startupDelay == 2_500_000)
        #expect(vrrp.logUnknownVRIDs)
        #expect(vrrp.vmacPrefix == "kv")
        #expect(vrrp.notifyPriorityChanges)
        #expect(Self.reported(loaded) == [])
    }

    @Test func minimalGARPKeepsValuesTheOperatorSet() {
        let vrrp = Self.globalDefs("vrrp_garp_master_repeat 7\nvrrp_min_garp").configuration.global.vrrp
        #expect(vrrp.garpMasterRepeat == 7)
        #expect(vrrp.garpMasterDelay == 0)
        #expect(vrrp.garpMasterRefreshRepeat == 0)
        let off = Self.globalDefs("vrrp_min_garp off").configuration.global.vrrp
        #expect(off.garpMasterDelay == 5_000_000)
    }

    @Test func lvsGlobals() {
        let loaded = Self.globalDefs("""
            lvs_timeouts tcp 900 tcpfin 120 udp 300
            lvs_flush
            lvs_flush_on_stop VS
            lvs_sync_daemon eth0 inst VI_1 id 7 maxlen 1400 port 8848 ttl 2 group 239.1.2.3
            nftables_ipvs
            nftables_ipvs_priority 10
            checker_log_all_failures
            rs_init_notifies off
            no_checker_emails
            """)
        let lvs = loaded.configuration.global.lvs
        #expect(lvs.tcpTimeout == 900 && lvs.tcpFinTimeout == 120 && lvs.udpTimeout == 300)
        #expect(lvs.flush && lvs.flushOnStop == .virtualServers)
        let sync = lvs.syncDaemon
        #expect(sync?.interface == "eth0" && sync?.vrrpInstance == "VI_1" && sync?.syncID == 7)
        #expect(sync?.maxLength == 1400 && sync?.port == 8848 && sync?.ttl == 2)
        #expect(sync?.group == IPAddress("239.1.2.3"))
        #expect(lvs.nftablesTable == "keepalived_ipvs" && lvs.nftablesPriority == 10 && lvs.nftablesStartFwmark == 1000)
        #expect(lvs.checkerLogAllFailures && !lvs.realServerInitNotifies)
        #expect(loaded.configuration.global.smtp.noCheckerEmails)
        #expect(Self.reported(loaded) == [])
    }

    @Test func processTuningAndNames() {
        let loaded = Self.globalDefs("""
            process_names
            vrrp_process_name ka_vrrp
            vrrp_priority -10
            vrrp_no_swap
            vrrp_rt_priority 50
            vrrp_cpu_affinity 0 1
            checker_rlimit_rttime 1
            bfd_rlimit_rtime 5000
            max_auto_priority 20
            min_auto_priority_delay 500000
            vrrp_netlink_cmd_rcv_bufs 1048576
            vrrp_netlink_cmd_rcv_bufs_force
            lvs_netlink_monitor_rcv_bufs 0
            """)
        let global = loaded.configuration.global
        #expect(global.vrrpProcessName == "ka_vrrp")
        #expect(global.checkerProcessName == "keepalived_lvs" && global.bfdProcessName == "keepalived_bfd")
        #expect(global.vrrpProcess.nicePriority == -10 && global.vrrpProcess.noSwap)
        #expect(global.vrrpProcess.realtimePriority == 50 && global.vrrpProcess.cpuAffinity == [0, 1])
        #expect(global.checkerProcess.realtimeLimit == 2)
        #expect(global.bfdProcess.realtimeLimit == 5000)
        #expect(global.maxAutoPriority == 20 && global.minAutoPriorityDelay == 500_000)
        #expect(global.netlinkBuffers.vrrpCommand == 1_048_576 && global.netlinkBuffers.vrrpCommandForce)
        #expect(global.netlinkBuffers.lvsMonitor == nil)
        #expect(Self.reported(loaded) == [])
        // The old *_rlimit_rtime spelling is only logged by keepalived.
        #expect(loaded.diagnostics.contains { $0.message == "Keyword 'bfd_rlimit_rtime' is deprecated - please use 'bfd_rlimit_rttime'" && $0.keepalivedClass == nil })
    }

    @Test func scriptsFIFOsAndUmask() {
        var host = InMemoryHost()
        host.users["keepalived_script"] = HostUser(name: "keepalived_script", uid: 900, gid: 900)
        host.groups["keepalived_script"] = HostGroup(name: "keepalived_script", gid: 900)
        // Scripts that do not exist would be dropped as keepalived frees them.
        host.add("/usr/local/bin/up", "#!/bin/sh\n", mode: 0o755)
        host.add("/usr/local/bin/down", "#!/bin/sh\n", mode: 0o755)
        let loaded = Self.globalDefs("""
            enable_script_security
            script_user keepalived_script keepalived_script
            startup_script "/usr/local/bin/up --fast"
            shutdown_script /usr/local/bin/down
            shutdown_script_timeout 30
            notify_fifo /run/keepalived.fifo
            notify_fifo_script "/usr/local/bin/fifo reader" keepalived_script
            vrrp_notify_fifo /run/vrrp.fifo keepalived_script keepalived_script
            umask IWGRP|IWOTH
            random_seed 42
            """, host: host)
        let global = loaded.configuration.global
        #expect(global.enableScriptSecurity)
        #expect(global.scriptUser == "keepalived_script" && global.scriptGroup == "keepalived_script")
        #expect(global.startupScript?.arguments == ["/usr/local/bin/up", "--fast"])
        #expect(global.startupScriptTimeout == 10)
        #expect(global.shutdownScript?.program == "/usr/local/bin/down" && global.shutdownScriptTimeout == 30)
        #expect(global.notifyFIFO.path == "/run/keepalived.fifo")
        #expect(global.notifyFIFO.script?.arguments == ["/usr/local/bin/fifo", "reader"])
        #expect(global.notifyFIFO.script?.user == "keepalived_script")
        #expect(global.vrrpNotifyFIFO.path == "/run/vrrp.fifo" && global.vrrpNotifyFIFO.group == "keepalived_script")
        #expect(global.umask == 0o022)
        #expect(global.randomSeed == 42)
        #expect(Self.reported(loaded) == [])
    }

    @Test func umaskForms() {
        #expect(Self.globalDefs("umask 027").configuration.global.umask == 0o027)
        #expect(Self.globalDefs("umask 0x12").configuration.global.umask == 0x12)
        #expect(Self.globalDefs("umask IRUSR | IWGRP").configuration.global.umask == 0o420)
    }

    @Test func rootProcessKeywords() {
        let loaded = Self.load("""
            net_namespace blue
            net_namespace_ipvs
            namespace_with_ipsets
            instance lb1
            child_wait_time 10
            linkbeat_use_polling
            linkbeat_interfaces {
              eth0 MII
              lo
            }
            interface_up_down_delays {
              eth0 1.5 0.25
              lo 2
            }
            global_defs {
              data_use_instance
              reload_check_config
              reload_time_file /run/keepalived.reload
              reload_repeat
              reload_file
              config_save_dir /var/lib/keepalived/
              tmp_config_directory /tmp/ka
            }
            """)
        let global = loaded.configuration.global
        #expect(global.networkNamespace == "blue" && global.networkNamespaceIPVS == "")
        #expect(global.namespaceWithIPSets && global.instanceName == "lb1" && global.usePIDDirectory)
        #expect(global.childWaitTime == 10 && global.linkbeatUsePolling)
        #expect(global.linkbeatInterfaces.map(\.interface) == ["eth0", "lo"])
        #expect(global.linkbeatInterfaces.map(\.method) == [.mii, .default])
        #expect(global.interfaceUpDownDelays.map(\.downDelay) == [1_500_000, 2_000_000])
        #expect(global.interfaceUpDownDelays.map(\.upDelay) == [250_000, 0])
        #expect(global.dataUseInstance)
        #expect(global.reload.checkConfigLog == "/dev/null")
        #expect(global.reload.timeFile == "/run/keepalived.reload" && global.reload.repeatReload)
        #expect(global.reload.reloadFile == .standard)
        #expect(global.reload.configSaveDirectory == "/var/lib/keepalived")
        #expect(global.reload.temporaryConfigDirectory == "/tmp/ka")
        #expect(Self.reported(loaded) == [])
        #expect(loaded.configTestExitCode == 0)
    }

    // MARK: - Tricky lines, as keepalived 2.2.7 `-t` reports them

    @Test(arguments: trickyLines)
    func trickyLine(_ tricky: Case) {
        let loaded = Self.globalDefs(tricky.line)
        #expect(Self.reported(loaded) == tricky.messages)
        #expect(loaded.configTestExitCode == tricky.exitCode)
        // Every problem this area reports says what to do about it (the shared number readers'
        // range messages already name the range).
        let own = loaded.diagnostics.filter { $0.keepalivedClass != nil && !$0.message.hasPrefix("number '") }
        #expect(own.allSatisfy { $0.hint != nil })
    }

    @Test(arguments: trickyRootLines)
    func trickyRootLine(_ tricky: Case) {
        let loaded = Self.load(tricky.line + "\n")
        #expect(Self.reported(loaded) == tricky.messages)
        #expect(loaded.configTestExitCode == tricky.exitCode)
    }

    @Test func includeCheckExitCodes() {
        // keepalived 2.2.7: a missing include is only reported (exit 0) unless include_check asks for it (exit 6).
        let text = "global_defs {\n include_check match\n}\ninclude /etc/keepalived/missing.conf\n"
        #expect(Self.load(text).configTestExitCode == 6)
        #expect(Self.load("include /etc/keepalived/missing.conf\n").configTestExitCode == 0)
    }

    @Test func secondStartupScriptIsRejected() {
        var host = InMemoryHost()
        host.add("/bin/true", "", mode: 0o755)
        let loaded = Self.globalDefs("startup_script /bin/true\nstartup_script /bin/false", host: host)
        #expect(Self.reported(loaded).first == "startup script already specified")
        #expect(loaded.configuration.global.startupScript?.program == "/bin/true")
    }

    @Test func diagnosticsPointAtTheirLine() {
        let loaded = Self.globalDefs("router_id a\nvrrp_version 4")
        let errors = loaded.diagnostics.filter { $0.keepalivedClass != nil }
        #expect(errors.map(\.location?.line) == [3, 3])
        #expect(errors.map(\.keepalivedClass) == [.invalidNumber, .generalError])
    }

    @Test func defaultScriptUserDecidesOnce() {
        // keepalived_script is missing on the default test host.
        let secure = Self.globalDefs("enable_script_security\nnotify_fifo /tmp/a\nvrrp_notify_fifo /tmp/b")
        #expect(secure.configuration.global.defaultScriptUserFailed)
        #expect(secure.configuration.global.notifyFIFO.path == nil && secure.configuration.global.vrrpNotifyFIFO.path == nil)
        #expect(Self.reported(secure) == ["Unable to set default user keepalived_script for script"])
        let badUser = Self.globalDefs("script_user nobodyx\nnotify_fifo /tmp/a")
        #expect(badUser.configuration.global.defaultScriptUserFailed && badUser.configuration.global.scriptUser == nil)
        #expect(badUser.configuration.global.notifyFIFO.path == nil)
    }

    @Test func valuelessForms() {
        let global = Self.globalDefs("max_auto_priority\nreload_file /run/ka.reload\nvrrp_min_garp").configuration.global
        #expect(global.maxAutoPriority == 99)
        #expect(global.reload.reloadFile == .path("/run/ka.reload"))
        #expect(global.vrrp.garpMasterRepeat == 1)
    }

    /// Every keyword keepalived 2.2.7 (Debian's build: nftables, no iptables/ipset) installs in
    /// init_global_keywords, plus the linkbeat and up/down delay root blocks.
    @Test func everyKeywordIsKnown() {
        let root = ["linkbeat_use_polling", "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets", "use_pid_dir",
                    "instance", "child_wait_time", "global_defs", "linkbeat_interfaces", "interface_up_down_delays"]
        let definitions = [
            "bfd_cpu_affinity", "bfd_no_swap", "bfd_priority", "bfd_process_name", "bfd_rlimit_rtime",
            "bfd_rlimit_rttime", "bfd_rt_priority", "checker_cpu_affinity", "checker_log_all_failures",
            "checker_no_swap", "checker_priority", "checker_process_name", "checker_rlimit_rtime",
            "checker_rlimit_rttime", "checker_rt_priority", "config_save_dir", "data_use_instance",
            "dbus_service_name", "default_interface", "disable_local_igmp", "dynamic_interfaces",
            "enable_dbus", "enable_script_security", "enable_snmp_checker", "enable_snmp_keepalived",
            "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_vrrp", "enable_traps",
            "fifo_write_vrrp_states_on_reload", "include_check", "log_unknown_vrids", "lvs_flush",
            "lvs_flush_on_stop", "lvs_flush_onstop", "lvs_netlink_cmd_rcv_bufs",
            "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs",
            "lvs_netlink_monitor_rcv_bufs_force", "lvs_notify_fifo", "lvs_notify_fifo_script",
            "lvs_process_name", "lvs_sync_daemon", "lvs_timeouts", "max_auto_priority",
            "min_auto_priority_delay", "nftables", "nftables_counters", "nftables_ifindex", "nftables_ipvs",
            "nftables_ipvs_priority", "nftables_ipvs_start_fwmark", "nftables_priority", "no_checker_emails",
            "no_email_faults", "notification_email", "notification_email_from", "notify_fifo",
            "notify_fifo_script", "process_monitor_rcv_bufs", "process_monitor_rcv_bufs_force",
            "process_name", "process_names", "random_seed", "reload_check_config", "reload_file",
            "reload_repeat", "reload_time_file", "router_id", "rs_init_notifies", "script_user",
            "shutdown_script", "shutdown_script_timeout", "smtp_alert", "smtp_alert_checker",
            "smtp_alert_vrrp", "smtp_connect_timeout", "smtp_helo_name", "smtp_server", "snmp_socket",
            "startup_script", "startup_script_timeout", "tmp_config_directory", "umask", "vmac_addr_prefix",
            "vmac_prefix", "vrrp_check_unicast_src", "vrrp_cpu_affinity", "vrrp_down_timer_adverts",
            "vrrp_garp_extra_if", "vrrp_garp_interval", "vrrp_garp_lower_prio_delay",
            "vrrp_garp_lower_prio_repeat", "vrrp_garp_master_delay", "vrrp_garp_master_refresh",
            "vrrp_garp_master_refresh_repeat", "vrrp_garp_master_repeat", "vrrp_gna_interval",
            "vrrp_higher_prio_send_advert", "vrrp_iptables", "vrrp_lower_prio_no_advert", "vrrp_mcast_group4",
            "vrrp_mcast_group6", "vrrp_min_garp", "vrrp_netlink_cmd_rcv_bufs",
            "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
            "vrrp_netlink_monitor_rcv_bufs_force", "vrrp_no_swap", "vrrp_notify_fifo",
            "vrrp_notify_fifo_script", "vrrp_notify_priority_changes", "vrrp_priority", "vrrp_process_name",
            "vrrp_rlimit_rtime", "vrrp_rlimit_rttime", "vrrp_rt_priority", "vrrp_rx_bufs_multiplier",
            "vrrp_rx_bufs_policy", "vrrp_skip_check_adv_addr", "vrrp_startup_delay", "vrrp_strict",
            "vrrp_version", "vrrp_vmac_garp_intvl"
        ]
        let rootTable = KeywordTable(GlobalKeywords.rootEntries)
        let definitionTable = KeywordTable(GlobalKeywords.definitionEntries)
        #expect(root.filter { rootTable[$0] == nil } == [])
        #expect(definitions.filter { definitionTable[$0] == nil } == [])
        #expect(definitions.count == 125)
        // Debian's keepalived is built without ipset support.
        #expect(definitionTable["vrrp_ipsets"] == nil)
    }

    // MARK: - include_check

    @Test func includeCheckSetsAddsAndRemoves() {
        #expect(Self.globalDefs("include_check").configuration.global.reload.includeCheck == .all)
        #expect(Self.globalDefs("include_check match").configuration.global.reload.includeCheck == [.readable, .match])
        #expect(Self.globalDefs("include_check wildcard_match +brace_match -read").configuration.global.reload.includeCheck
            == [.wildcardMatch, .braceMatch])
    }

    // MARK: - Deprecated aliases

    @Test func deprecatedAliases() {
        let garp = Self.globalDefs("vrrp_vmac_garp_intvl 5")
        #expect(garp.configuration.global.vrrp.garpExtraInterfaceInterval == 5)
        #expect(garp.diagnostics.first { $0.keepalivedClass == .deprecated }?.message
            == "Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use \"vrrp_garp_extra_if\"")
        #expect(garp.configTestExitCode == 5)
        // keepalived 2.2.7 takes these silently (or only logs them): -t exits 0.
        for line in ["lvs_flush_onstop", "lvs_process_name foo", "vrrp_rlimit_rtime 100", "enable_snmp_keepalived"] {
            #expect(Self.globalDefs(line).configTestExitCode == 0, "\(line)")
        }
        #expect(Self.globalDefs("lvs_flush_onstop").configuration.global.lvs.flushOnStop == .full)
        #expect(Self.globalDefs("lvs_process_name foo").configuration.global.checkerProcessName == "foo")
    }
}
