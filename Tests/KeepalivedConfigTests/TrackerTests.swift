import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// Loads `text` as /etc/keepalived/keepalived.conf on `host` (default: an empty machine).
private func load(_ text: String, host base: InMemoryHost = InMemoryHost()) -> LoadedConfiguration {
    var host = base
    host.add("/etc/keepalived/keepalived.conf", text)
    return ConfigLoader.load(.init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false), host: host)
}

/// Runs the root keywords over `text` with global_defs already read as `global`.
private func parse(_ text: String, global: GlobalDefinitions) -> (config: Configuration, diagnostics: [Diagnostic]) {
    var host = InMemoryHost()
    host.add("/etc/keepalived/keepalived.conf", text)
    let parser = ConfigParser(host: host, configID: "lab1", includeCheck: [])
    parser.reportUnsupported = false
    #expect(parser.reader.openMain("/etc/keepalived/keepalived.conf"))
    parser.config.global = global
    parser.process(RootKeywords.table, needBlockStart: false)
    return (parser.config, parser.collectDiagnostics())
}


/// Two complete instances, so VRRP validation keeps the sync groups that name them.
private let instances = """
vrrp_instance VI_1 {
  interface eth0
  virtual_router_id 1
  virtual_ipaddress {
    10.0.0.1
  }
}
vrrp_instance VI_2 {
  interface eth0
  virtual_router_id 2
  virtual_ipaddress {
    10.0.0.2
  }
}

"""

/// The keepalived classes reported, in order (notes left out).
private func classes(_ loaded: LoadedConfiguration) -> [ConfigErrorClass] {
    loaded.diagnostics.compactMap(\.keepalivedClass)
}

// MARK: - Typed model

@Test func vrrpScriptBlockGivesTheTypedModel() {
    let loaded = load("""
    vrrp_script chk_haproxy {
      script "/usr/bin/killall -0 haproxy"
      interval 2
      timeout 3
      weight -20 reverse
      rise 2
      fall 3
      init_fail
    }
    """)
    let script = try! #require(loaded.configuration.vrrpScripts.first)
    #expect(script.name == "chk_haproxy")
    #expect(script.script?.arguments == ["/usr/bin/killall", "-0", "haproxy"])
    #expect(script.interval == 2_000_000 && script.timeout == 3_000_000)
    #expect(script.weight == -20 && script.weightReverse)
    #expect(script.rise == 2 && script.fall == 3 && script.initFail)
    #expect(loaded.configTestExitCode == 0)
}

@Test func vrrpScriptDefaultsAreKeepalivedsAndIntervalIsWholeSeconds() {
    let loaded = load("vrrp_script s {\n script /bin/true\n interval 1.5\n}\n")
    let script = try! #require(loaded.configuration.vrrpScripts.first)
    #expect(script.interval == 1_000_000 && script.timeout == 0 && script.weight == 0 && script.rise == 1 && script.fall == 1)
    // 2.2.7 reads interval with read_unsigned: "1.5" is an invalid number, then its own message.
    #expect(classes(loaded) == [.invalidNumber, .generalError])
    #expect(loaded.diagnostics.contains { $0.message.hasPrefix("(s): vrrp script interval '1.5' must be between 1 and 4294") })
}

@Test(arguments: [("weight 254", 2), ("weight -254", 2), ("weight 10 bogus", 1), ("rise 0", 2), ("interval 0", 1)])
func vrrpScriptValueProblems(line: String, count: Int) {
    let loaded = load("vrrp_script s {\n script /bin/true\n \(line)\n}\n")
    #expect(classes(loaded).count == count)
    #expect(loaded.configTestExitCode == 5)
    #expect(loaded.configuration.vrrpScripts.count == 1)
}

@Test func vrrpScriptWithoutScriptIsRemoved() {
    let loaded = load("vrrp_script s {\n interval 2\n}\n")
    #expect(loaded.configuration.vrrpScripts.isEmpty)
    #expect(loaded.diagnostics.first?.message == "No script set for vrrp_script s - removing")
    #expect(loaded.diagnostics.first?.location?.line == 3)
}

@Test func scriptSecurityWithoutKeepalivedScriptUserRemovesTheScript() {
    // keepalived -t /tmp/track/b4.conf: "Unable to set default user keepalived_script for script",
    // then "... removing", exit 5. (global_defs is another area's: set its result directly.)
    var global = GlobalDefinitions()
    global.enableScriptSecurity = true
    let parsed = parse("vrrp_script chk {\n script /tmp/track/ok.sh\n}\nvrrp_script chk2 {\n script /tmp/track/ok.sh\n}\n", global: global)
    #expect(parsed.config.vrrpScripts.isEmpty)
    #expect(parsed.diagnostics.map(\.message) == [
        "Unable to set default user keepalived_script for script",
        "Unable to set default user for vrrp script chk - removing",
        "Unable to set default user for vrrp script chk2 - removing",
    ])
    #expect(parsed.diagnostics.allSatisfy { $0.keepalivedClass == .generalError })
}

@Test func syncGroupBlockGivesTheTypedModel() {
    var host = InMemoryHost()
    host.add("/bin/true", "", mode: 0o755)
    host.add("/usr/local/bin/master", "", mode: 0o755)
    host.add("/usr/local/bin/notify", "", mode: 0o755)
    let loaded = load("global_defs {\n enable_script_security\n script_user root\n}\n" + instances + """
    vrrp_script chk {
      script /bin/true
      weight 5
    }
    track_file tf {
      file /run/tf
      weight 3 reverse
    }
    vrrp_sync_group G1 {
      group {
        VI_1
        VI_2
      }
      track_interface {
        eth0 weight 10
      }
      track_script {
        chk
      }
      track_file {
        tf weight -2 noreverse
      }
      notify_master "/usr/local/bin/master arg"
      notify "/usr/local/bin/notify"
      smtp_alert off
      sync_group_tracking_weight
      notify_priority_changes
    }
    """, host: host)
    let group = try! #require(loaded.configuration.syncGroups.first)
    #expect(group.name == "G1" && group.members.map(\.text) == ["VI_1", "VI_2"])
    #expect(group.trackInterfaces.map(\.name) == ["eth0"] && group.trackInterfaces[0].weight == 10)
    #expect(group.trackScripts.map(\.name) == ["chk"] && group.trackScripts.first?.weight == 5 && group.trackScripts.first?.reverse == false)
    #expect(group.trackFiles.first?.weight == -2 && group.trackFiles.first?.reverse == false)
    #expect(group.notifyMaster?.arguments == ["/usr/local/bin/master", "arg"])
    #expect(group.notify?.program == "/usr/local/bin/notify")
    #expect(group.smtpAlert == false && group.trackingWeight && group.notifyPriorityChanges == true)
    #expect(classes(loaded).isEmpty)
}

@Test func syncGroupProblemsHaveKeepalivedsClass() {
    let loaded = load("""
    vrrp_sync_group G1 {
      group {
        VI_1
      }
      track_script {
        missing
      }
      track_interface {
        nosuch0
      }
      global_tracking
      notify_priority_changes maybe
    }
    vrrp_sync_group G1 {
      group {
        VI_2
      }
    }
    """)
    // keepalived -t /tmp/track/d1.conf gives these, then "Non-existent interface specified in configuration".
    #expect(loaded.diagnostics.filter { $0.location != nil }.map(\.message) == [
        "(G1) track script missing not found, ignoring...",
        "(G1) tracked interface nosuch0 doesn't exist",
        "(G1) global_tracking is deprecated. Use track_interface/script/file on the sync group",
        "(G1) Invalid value 'maybe' for sync group notify_priority_changes specified",
        "vrrp sync group G1 already defined",
    ])
    #expect(loaded.configuration.syncGroups.count == 1)
    #expect(loaded.diagnostics.filter { $0.keepalivedClass == .badInterface }.count == 1)
    #expect(loaded.configTestExitCode == 5)
}

@Test func trackFileTrackProcessAndTrackGroup() {
    let loaded = load("""
    vrrp_track_file old {
      file /run/old
      init_file 7 overwrite
    }
    vrrp_track_process nginx {
      process nginx -g daemon
      weight 10
      quorum 2
      quorum_max 4
      delay 0.5
    }
    track_group TG {
      group {
        VI_1
      }
    }
    track_group TG {
      group {
        VI_2
      }
    }
    """)
    let config = loaded.configuration
    #expect(config.trackFiles.first?.path == "/run/old")
    #expect(config.trackFiles.first?.initFile == TrackFile.InitFile(value: 7, overwrite: true))
    let process = try! #require(config.trackProcesses.first)
    #expect(process.process == "nginx" && process.parameters == ["-g", "daemon"] && process.parameterMatch == .exact)
    #expect(process.weight == 10 && process.quorum == 2 && process.quorumMax == 4)
    #expect(process.terminateDelay == 500_000 && process.forkDelay == 500_000)
    #expect(config.trackGroups.map(\.name) == ["TG"])
    #expect(loaded.diagnostics.first?.message == "\"vrrp_track_file\" is deprecated, please use \"track_file\"")
    #expect(loaded.diagnostics.first?.keepalivedClass == nil)
    #expect(classes(loaded) == [.generalError])
}

@Test func bfdInstanceMatchesKeepalivedT() {
    // Same text as /tmp/track/bfd1.conf (without the instance): keepalived -t exits 5.
    let loaded = load("""
    bfd_instance B1 {
      neighbor_ip 10.0.0.9
      weight 300
      min_rx 5
    }
    bfd_instance B1 {
      neighbor_ip 10.0.0.8
    }
    bfd_instance B2 {
      min_tx 20
    }
    """)
    let bfds = loaded.configuration.bfdInstances
    #expect(bfds.map(\.name) == ["B1", "B2"])
    #expect(bfds[0].neighbor == IPAddress("10.0.0.9") && bfds[0].minRx == 5000 && bfds[0].weight == 0)
    #expect(!bfds[1].isEnabled)
    #expect(loaded.configTestExitCode == 5)
}

@Test func garpGroupNeedsAnIntervalAndKnownInterfaces() {
    let loaded = load("garp_group {\n garp_interval 0.002\n interfaces {\n eth0\n nosuch\n }\n}\ngarp_group {\n interface lo\n}\n")
    #expect(loaded.configuration.garpGroups.count == 1)
    #expect(loaded.configuration.garpGroups[0].interfaces == ["eth0"] && loaded.configuration.garpGroups[0].garpInterval == 2000)
    // keepalived -t /tmp/track/d2.conf: the same, then "Non-existent interface specified in configuration", exit 5.
    #expect(loaded.configTestExitCode == 5)
    #expect(loaded.diagnostics.filter { $0.location != nil }.map(\.message) == [
        "WARNING - interface nosuch specified for garp_group doesn't exist",
        "garp group 0 does not have any delay set - removing",
    ])
}

// MARK: - Script security (each case matches keepalived -t on the same files under /tmp/track)

/// Parses `text`, adds a VRRP instance (parsed by another area) and runs the tracker checks.
private func securityCheck(
    _ text: String, host: InMemoryHost, global: GlobalDefinitions = GlobalDefinitions()
) -> (config: Configuration, diagnostics: [Diagnostic]) {
    var config = load(text, host: host).configuration
    config.global = global
    config.vrrpInstances.append(VRRPInstance(name: "VI_1", location: SourceLocation(file: "k", line: 1)))
    var diagnostics: [Diagnostic] = []
    TrackerValidation.validate(&config, ValidationContext(host: host, report: { diagnostics.append($0) }))
    return (config, diagnostics)
}

private func machine() -> InMemoryHost {
    var host = InMemoryHost()
    host.add("/tmp/track/ok.sh", "#!/bin/sh\nexit 0\n", mode: 0o755)
    host.add("/tmp/track/open/ok.sh", "#!/bin/sh\nexit 0\n", mode: 0o777)
    host.add("/usr/bin/true", "", mode: 0o755)
    return host
}

@Test func existingScriptWithoutScriptSecurityIsAViolation() {
    // keepalived -t /tmp/track/b2.conf: SECURITY VIOLATION, exit 6.
    let result = securityCheck("vrrp_script chk {\n script /tmp/track/ok.sh\n}\n", host: machine())
    #expect(result.diagnostics.keepalivedClass == .securityError)
    #expect(result.diagnostics.contains { $0.message == "SECURITY VIOLATION - scripts are being executed but script_security not enabled." })
    #expect(result.diagnostics.contains { $0.message == "Warning - script chk is not used" && $0.keepalivedClass == nil })
}

@Test func missingScriptIsDisabledWithoutViolation() {
    // keepalived -t /tmp/track/b1.conf: "Disabling track script chk since not found/accessible", exit 5.
    let result = securityCheck("vrrp_script chk {\n script /tmp/track/nope.sh\n}\n", host: machine())
    #expect(result.diagnostics.keepalivedClass == .generalError)
    #expect(result.diagnostics.contains { $0.message == "Disabling track script chk since not found/accessible" })
    #expect(result.config.vrrpScripts.isEmpty)
}

@Test func insecureScriptWithoutSecurityMentionsIt() {
    // keepalived -t /tmp/track/c2.conf: "... There are insecure scripts.", exit 6.
    let result = securityCheck("vrrp_script chk {\n script /tmp/track/open/ok.sh\n}\n", host: machine())
    #expect(result.diagnostics.keepalivedClass == .securityError)
    #expect(result.diagnostics.contains { $0.message.hasSuffix("not enabled. There are insecure scripts.") })
}

@Test func insecureScriptWithSecurityIsDisabled() {
    // keepalived -t /tmp/track/c1.conf: "Disabling track script chk due to insecure", exit 5.
    var host = machine()
    host.users["root"] = HostUser(name: "root", uid: 0, gid: 0)
    var config = load("vrrp_script chk {\n script /tmp/track/open/ok.sh\n}\n", host: host).configuration
    config.global.enableScriptSecurity = true
    config.global.scriptUser = "root"
    config.vrrpInstances.append(VRRPInstance(name: "VI_1", location: SourceLocation(file: "k", line: 1)))
    var diagnostics: [Diagnostic] = []
    TrackerValidation.validate(&config, ValidationContext(host: host, report: { diagnostics.append($0) }))
    #expect(diagnostics.keepalivedClass == .generalError)
    #expect(diagnostics.contains { $0.message == "Disabling track script chk due to insecure" })
    #expect(config.vrrpScripts.isEmpty)
}

@Test func bareNameIsFoundThroughPath() {
    // keepalived -t /tmp/track/c3.conf (script "true"): SECURITY VIOLATION, exit 6; c5 (nosuchprog): exit 5.
    let found = securityCheck("vrrp_script chk {\n script true\n}\n", host: machine())
    #expect(found.diagnostics.keepalivedClass == .securityError)
    #expect(found.diagnostics.contains { $0.message.contains("resolved by path search to `/usr/bin/true`") })
    let missing = securityCheck("vrrp_script chk {\n script nosuchprog\n}\n", host: machine())
    #expect(missing.diagnostics.keepalivedClass == .generalError)
}

@Test func noVRRPInstanceMeansNoVRRPScriptCheck() {
    // keepalived -t /tmp/track/b3.conf: nothing said, exit 0.
    var host = machine()
    host.add("/etc/keepalived/keepalived.conf", "vrrp_script chk {\n script /tmp/track/ok.sh\n}\n")
    let loaded = ConfigLoader.load(.init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false), host: host)
    #expect(loaded.configTestExitCode == 0)
}

@Test func notifyScriptsAnywhereAreFoundByReflection() {
    let result = securityCheck(instances + "vrrp_sync_group G {\n group {\n VI_1\n }\n notify_master /tmp/track/ok.sh\n}\n", host: machine())
    #expect(result.diagnostics.keepalivedClass == .securityError)
}

@Test func trackerBlockProblemsMatchKeepalivedT() {
    // Same text as /tmp/track/f1.conf: keepalived -t gives these (the track_file ones from both
    // the VRRP and checker processes, so twice there) and exits 5.
    let loaded = load("""
    track_file tf {
      weight 5
    }
    track_file tf2 {
      file /tmp/track/tf2
      weight 3
      weight 4
      init_file abc 300
    }
    vrrp_track_process p {
      quorum 3
      quorum_max 2
      param_match bad
    }
    bfd_instance ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456 {
      neighbor_ip 1.2.3.4
    }
    vrrp_script s {
      script /bin/true
      user nosuchuser
    }
    """)
    let reported = loaded.diagnostics.filter { $0.keepalivedClass != nil }
    #expect(reported.map(\.message) == [
        "No file set for track_file tf - ignoring",
        "Weight already set for track file tf2 - ignoring 4",
        "Unknown track file init option abc",
        "Track file tf2 init value 300 is outside sensible range [-254, 254]",
        "quorum_max is less than quorum - ignoring",
        "Invalid param_match type bad - ignoring",
        "track process 'p' process name not specified",
        "BFD name ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456 too long",
        "Configuration error: BFD instance ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456 name too long (maximum length is 31 characters) - ignoring",
        "Unable to set uid/gid for script '/bin/true'",
    ])
    #expect(reported.map { $0.location?.line ?? 0 } == [3, 7, 8, 8, 12, 13, 14, 15, 15, 20])
    #expect(loaded.configuration.trackFiles.map(\.name) == ["tf2"])
    #expect(loaded.configuration.trackProcesses.isEmpty && loaded.configuration.bfdInstances.isEmpty)
    #expect(loaded.configuration.vrrpScripts.isEmpty)
    #expect(loaded.configTestExitCode == 5)
}

@Test func secureScriptWithSecurityIsQuiet() {
    // keepalived -t /tmp/track/g1.conf (enable_script_security, script_user root): exit 0.
    var global = GlobalDefinitions()
    global.enableScriptSecurity = true
    global.scriptUser = "root"
    let result = securityCheck("vrrp_script chk {\n script /tmp/track/ok.sh\n}\n", host: machine(), global: global)
    #expect(result.diagnostics.keepalivedClass == .ok)
    #expect(result.config.vrrpScripts.map(\.name) == ["chk"])
}

@Test func insecureNotifyScriptWithSecurityIsOnlyLogged() {
    // keepalived -t /tmp/track/g2.conf: the notify script is dropped with a log line only.
    var global = GlobalDefinitions()
    global.enableScriptSecurity = true
    global.scriptUser = "root"
    let text = instances + "vrrp_sync_group G {\n group {\n VI_1\n }\n notify_master /tmp/track/open/ok.sh\n}\n"
    let result = securityCheck(text, host: machine(), global: global)
    #expect(result.diagnostics.keepalivedClass == .ok)
    #expect(result.diagnostics.contains { $0.message == "Unsafe permissions found for script '/tmp/track/open/ok.sh' - disabling." })
    #expect(result.config.syncGroups.first?.notifyMaster == nil)
}

@Test func insecureInstanceAndFIFOScriptsWithSecurityAreDropped() {
    // keepalived's check_vrrp_script_security frees an instance's insecure notify scripts and the
    // FIFO's; the safe ones stay.
    var global = GlobalDefinitions()
    global.enableScriptSecurity = true
    global.scriptUser = "root"
    global.vrrpNotifyFIFO.path = "/tmp/track/fifo"
    global.vrrpNotifyFIFO.script = NotifyScript(arguments: ["/tmp/track/open/ok.sh"], location: SourceLocation(file: "k", line: 2))
    var config = load("", host: machine()).configuration
    config.global = global
    var instance = VRRPInstance(name: "VI_1", location: SourceLocation(file: "k", line: 1))
    instance.notifyMaster = NotifyScript(arguments: ["/tmp/track/open/ok.sh"], location: SourceLocation(file: "k", line: 3))
    instance.notifyBackup = NotifyScript(arguments: ["/tmp/track/ok.sh"], location: SourceLocation(file: "k", line: 4))
    config.vrrpInstances.append(instance)
    TrackerValidation.validate(&config, ValidationContext(host: machine(), report: { _ in }))
    #expect(config.vrrpInstances.first?.notifyMaster == nil)
    #expect(config.vrrpInstances.first?.notifyBackup?.program == "/tmp/track/ok.sh")
    #expect(config.global.vrrpNotifyFIFO.script == nil)
}

@Test func insecureStartupScriptWithSecurityIsDroppedAndWithoutIsKept() {
    // keepalived's check_start_stop_script_secure: freed only when it would be inhibited.
    for security in [true, false] {
        var global = GlobalDefinitions()
        global.enableScriptSecurity = security
        global.scriptUser = "root"
        global.startupScript = NotifyScript(arguments: ["/tmp/track/open/ok.sh"], location: SourceLocation(file: "k", line: 2))
        global.shutdownScript = NotifyScript(arguments: ["/tmp/track/ok.sh"], location: SourceLocation(file: "k", line: 3))
        var config = load("", host: machine()).configuration
        config.global = global
        TrackerValidation.validate(&config, ValidationContext(host: machine(), report: { _ in }))
        #expect((config.global.startupScript == nil) == security)
        #expect(config.global.shutdownScript != nil)
    }
}
