import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

// vrrp_instance parsing and keepalived 2.2.7's post-parse instance and sync group checks.
// Expected messages and classes were taken from `keepalived -t` (Debian 2.2.7) on the same text.

private let path = "/etc/keepalived/keepalived.conf"
private let labInterfaces = [
    HostInterface(name: "lo", index: 1, isLoopback: true), HostInterface(name: "eth0", index: 2),
    HostInterface(name: "eth1", index: 3), HostInterface(name: "ifb0", index: 4, supportsMulticast: false),
]

/// The full loader, as `keepalived -t` would run it.
private func load(_ text: String) -> LoadedConfiguration {
    ConfigLoader.load(.init(configFile: path, configID: "lab1"), host: InMemoryHost(files: [path: text], interfaces: labInterfaces))
}

/// Parses, lets the test add what other areas would have parsed (trackers, sync groups, VIPs while
/// the address parser is not merged), then runs the VRRP checks.
private func check(
    _ text: String, before: (inout Configuration) -> Void = { _ in }, vips: [String] = [],
    after: (inout Configuration) -> Void = { _ in }
) -> (config: Configuration, diagnostics: [Diagnostic]) {
    let host = InMemoryHost(files: [path: text], interfaces: labInterfaces)
    let parser = ConfigParser(host: host, configID: "lab1", includeCheck: [])
    parser.reportUnsupported = false
    before(&parser.config)
    #expect(parser.reader.openMain(path))
    parser.process(RootKeywords.table, needBlockStart: false)
    var config = parser.config
    for i in config.vrrpInstances.indices where config.vrrpInstances[i].virtualAddresses.isEmpty {
        config.vrrpInstances[i].virtualAddresses = vips.map { VirtualAddress(prefix: IPPrefix($0)!, location: config.vrrpInstances[i].location) }
        if let first = vips.first, config.vrrpInstances[i].family == nil { config.vrrpInstances[i].family = IPPrefix(first)!.address.family }
    }
    after(&config)
    VRRPValidation.validate(&config, ValidationContext(host: host, report: { parser.report($0) }))
    return (config, parser.collectDiagnostics())
}

/// The diagnostics keepalived also reports (message, line or 0, class).
private func classed(_ diagnostics: [Diagnostic]) -> [(String, Int, ConfigErrorClass)] {
    diagnostics.compactMap { d in d.keepalivedClass.map { (d.message, d.location?.line ?? 0, $0) } }
}

private func messages(_ diagnostics: [Diagnostic]) -> [String] { classed(diagnostics).map(\.0) }

// MARK: - Typical instances

@Test func masterInstanceWithPasswordAuthentication() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            state MASTER
            interface eth0
            virtual_router_id 51
            priority 150
            advert_int 2
            authentication {
                auth_type PASS
                auth_pass secret
            }
            notify_master "/usr/local/bin/notify master" root
        }
        """, vips: ["192.168.1.10/24"])
    #expect(messages(diagnostics).isEmpty)
    let vrrp = try! #require(config.vrrpInstances.first)
    #expect(vrrp.name == "VI_1")
    #expect(vrrp.location.line == 1)
    #expect(vrrp.state == .master)
    #expect(vrrp.interface == "eth0")
    #expect(vrrp.vrid == VRID(rawValue: 51))
    #expect(vrrp.priority == Priority(rawValue: 150))
    #expect(vrrp.advertisementInterval == 2_000_000)
    #expect(vrrp.version == .v2)
    #expect(vrrp.family == .inet)
    #expect(vrrp.authentication?.type == .pass)
    #expect(vrrp.authentication?.password == Array("secret".utf8))
    #expect(vrrp.notifyMaster?.arguments == ["/usr/local/bin/notify", "master"])
    #expect(vrrp.notifyMaster?.user == "root")
    #expect(vrrp.accept == true)
    #expect(vrrp.unicastTTL == 255)
}

@Test func backupDefaultsAreKeepalivedsDefaults() {
    let (config, diagnostics) = check("vrrp_instance VI_2 {\n interface eth0\n virtual_router_id 52\n}\n", vips: ["10.0.0.1"])
    #expect(messages(diagnostics).isEmpty)
    let vrrp = config.vrrpInstances[0]
    #expect(vrrp.priority == .default)
    #expect(vrrp.state == .backup)
    #expect(vrrp.advertisementInterval == 1_000_000)
    #expect(vrrp.version == .v2)
    #expect(vrrp.noPreempt == false)
    #expect(vrrp.strictMode == false)
}

@Test func stateMasterWithoutPriorityMakesTheOwner() {
    let (config, _) = check("vrrp_instance VI_1 {\n state MASTER\n interface eth0\n virtual_router_id 1\n}\n", vips: ["10.0.0.1"])
    #expect(config.vrrpInstances[0].priority == .owner)
    let (derived, _) = check("vrrp_instance VI_1 {\n priority 255\n interface eth0\n virtual_router_id 1\n}\n", vips: ["10.0.0.1"])
    #expect(derived.vrrpInstances[0].state == .master)
}

@Test func ahAuthentication() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 9
            authentication {
                auth_type AH
                auth_pass secretpassword
            }
        }
        """, vips: ["10.0.0.1"])
    #expect(classed(diagnostics).map { "\($0.0)@\($0.1)" } == ["Truncating auth_pass to 8 characters@6"])
    #expect(config.vrrpInstances[0].authentication?.type == .ah)
    #expect(config.vrrpInstances[0].authentication?.password == Array("secretpa".utf8))
}

@Test func unicastInstanceWithPeers() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
            unicast_src_ip 10.0.0.1
            unicast_peer {
                10.0.0.2
                10.0.0.3 min_ttl 2 max_ttl 64
            }
        }
        """, vips: ["10.0.0.100"])
    #expect(messages(diagnostics).isEmpty)
    let vrrp = config.vrrpInstances[0]
    #expect(vrrp.usesUnicast)
    #expect(vrrp.sourceAddress == IPAddress("10.0.0.1"))
    #expect(vrrp.unicastPeers.map(\.address) == [IPAddress("10.0.0.2")!, IPAddress("10.0.0.3")!])
    #expect(vrrp.unicastPeers[1].minTTL == 2 && vrrp.unicastPeers[1].maxTTL == 64)
    #expect(vrrp.checkUnicastSource)
}

@Test func unicastPeerProblemsAsKeepalived() {
    let (_, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
            unicast_peer {
              10.0.0.2 min_ttl 3 max_ttl 2
              10.0.0.3 foo 2
              fe80::1
              10.0.0.4 max_ttl
            }
        }
        """, vips: ["10.0.0.100"])
    #expect(classed(diagnostics).map { "\($0.0)@\($0.1)" } == [
        "(VI_1) min_ttl 3 > max_ttl 2 - all packets will be discarded@5",
        "(VI_1) unknown unicast_peer option foo@6",
        "Configuration error: VRRP instance[VI_1] and unicast peer address[fe80::1] MUST be of the same family !!! Skipping...@7",
        "(VI_1) max_ttl is missing a value@8",
    ])
}

@Test func ipv6InstanceIsVersion3() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_6 {
            interface eth0
            virtual_router_id 5
            advert_int 0.015
        }
        """, vips: ["fe80::1/64", "2001:db8::1/64"])
    let vrrp = config.vrrpInstances[0]
    #expect(vrrp.family == .inet6)
    #expect(vrrp.version == .v3)
    #expect(vrrp.unicastTTL == nil)
    #expect(messages(diagnostics) == ["(VI_6) VRRPv3 advertisement interval 0.015000s must be in units of 10ms - rounding"])
    #expect(vrrp.advertisementInterval == 20_000)
}

// MARK: - Parse-time checks

@Test func keywordProblemsOnTheirLines() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 1
            native_ipv6
            version 2
            mcast_dst_ip 224.0.0.18
            state FOO
            priority 0
            advert_int 300
            debug 5
        }
        vrrp_instance VI_1 {
            interface eth0
        }
        """, vips: ["fe80::1"])
    #expect(classed(diagnostics).map { "\($0.0)@\($0.1):\($0.2)" } == [
        "(VI_1) vrrp_version 2 conflicts with configured or deduced version 3; ignoring.@5:generalError",
        "(VI_1) mcast dest address 224.0.0.18 MUST match VRRP instance family. Skipping...@6:generalError",
        "(VI_1) unknown state 'FOO', defaulting to BACKUP@7:generalError",
        "number '0' outside range [1, 255]@8:invalidNumber",
        "(VI_1) Priority not valid! must be between 1 & 255. Using default 100@8:generalError",
        "number '300' outside range [0.010000, 255.000000]@9:invalidNumber",
        "(VI_1) Advert interval (300) not valid! Must be > 0 - ignoring@9:generalError",
        "number '5' outside range [0, 4]@10:invalidNumber",
        "(VI_1) Debug value '5' not valid; must be between 0-4@10:generalError",
        "vrrp instance VI_1 already defined@12:generalError",
    ])
    #expect(config.vrrpInstances.count == 1)
    #expect(config.vrrpInstances[0].priority == .default)
}

@Test func vmacAndGarpKeywords() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 2
            use_vmac vrrp2 00:00:5e:00:01:33
            use_vmac 02:00:00:00:01
            garp_master_repeat 0
            vmac_garp_intvl 5 all
        }
        """, vips: ["10.1.1.1"])
    #expect(classed(diagnostics).map { "\($0.0)@\($0.1):\($0.2)" } == [
        "VMAC MAC address not allowed to be RFC5798 address (00:00:5e:00:01:33) - ignoring@4:generalError",
        "(VI_2): garp_master_repeat must be greater than 0, setting to 1@6:generalError",
        "Keyword \"vmac_garp_intvl\" is deprecated - please use \"garp_extra_if\"@7:deprecated",
    ])
    let vrrp = config.vrrpInstances[0]
    #expect(vrrp.virtualMAC?.interfaceName == "vrrp2")
    #expect(vrrp.virtualMAC?.macAddress == [2, 0, 0, 0, 1, 2])
    #expect(vrrp.virtualMAC?.macEndsWithVRID == true)
    #expect(vrrp.garpMasterRepeat == 1)
    #expect(vrrp.garpExtraInterfaceInterval == 5 && vrrp.garpExtraInterfaceAll)
}

@Test func trackingListsResolveNamesAndWeights() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 1
            track_interface {
              eth1 weight 254
              ifb0 weight
              eth1
            }
            track_script {
              chk_haproxy weight -20 reverse
              nosuch weight 5
            }
            track_file {
              flag weight 3 sideways
            }
        }
        """, before: { config in
            config.vrrpScripts = [VRRPScript(name: "chk_haproxy", location: SourceLocation(file: path, line: 1, column: 1))]
            config.trackFiles = [TrackFile(name: "flag", location: SourceLocation(file: path, line: 1, column: 1))]
        }, vips: ["10.0.0.1"])
    #expect(classed(diagnostics).map { "\($0.0)@\($0.1)" } == [
        "(VI_1) weight for eth1 cannot be +/-254. Setting to +/-253@5",
        "(VI_1) weight without value specified for track_interface ifb0 - ignoring@6",
        "(VI_1) duplicate track_interface eth1 - ignoring@7",
        "(VI_1) track script nosuch not found, ignoring...@11",
        "(VI_1) unknown track file flag weight option sideways - ignoring@14",
    ])
    let vrrp = config.vrrpInstances[0]
    #expect(vrrp.trackInterfaces.map(\.name) == ["eth1"] && vrrp.trackInterfaces[0].weight == 253)
    #expect(vrrp.trackScripts.count == 1 && vrrp.trackScripts[0].weight == -20 && vrrp.trackScripts[0].reverse == true)
    #expect(vrrp.trackFiles.isEmpty)
}

@Test func unicastTTLWithoutPeersIsResetAtTheClosingBrace() {
    let (config, diagnostics) = check("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n unicast_ttl 4\n}\n", vips: ["10.0.0.1"])
    #expect(classed(diagnostics).map { "\($0.0)@\($0.1)" } == ["(VI_1): Cannot use unicast_ttl without unicast peers - resetting@5"])
    #expect(config.vrrpInstances[0].unicastTTL == 255)
}

@Test func missingParameterStopsLikeKeepalived() {
    let loaded = load("vrrp_instance VI_1 {\n interface eth0\n priority\n}\n")
    #expect(loaded.configTestExitCode == 2)
}

// MARK: - Interface checks

@Test func nonexistentInterfaceIsABadInterface() {
    // keepalived -t: the line error (CONFIG_GENERAL_ERROR) then CONFIG_BAD_IF; exit 5.
    let loaded = load("vrrp_instance VI_1 {\n interface eth9\n virtual_router_id 51\n}\n")
    #expect(classed(loaded.diagnostics).map { "\($0.0)@\($0.1):\($0.2)" } == [
        "WARNING - interface eth9 for vrrp_instance VI_1 doesn't exist@2:generalError",
        "Non-existent interface specified in configuration@0:badInterface",
    ])
    #expect(loaded.configTestExitCode == 5)
}

@Test func missingTrackedInterfaceIsABadInterfaceToo() {
    let (_, diagnostics) = check("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n track_interface {\n eth9\n }\n}\n")
    #expect(messages(diagnostics) == ["(VI_1) tracked interface eth9 doesn't exist", "Non-existent interface specified in configuration"])
}

@Test func loopbackIsRefused() {
    let loaded = load("vrrp_instance VI_1 {\n interface lo\n virtual_router_id 51\n}\n")
    #expect(messages(loaded.diagnostics) == [
        "(VI_1) cannot use a loopback interface (lo) for vrrp - ignoring", "(VI_1) Unknown interface!",
    ])
    #expect(loaded.configTestExitCode == 5)
}

@Test func vridIsRequired() {
    let loaded = load("vrrp_instance VI_1 {\n interface eth0\n}\n")
    #expect(messages(loaded.diagnostics) == ["(VI_1) the virtual router id must be set"])
    #expect(loaded.configTestExitCode == 5)
}

@Test func unicastWithoutInterfaceIsUnknownInterface() {
    // keepalived checks its unicast flag before setting it: every instance needs an interface.
    let (_, diagnostics) = check("vrrp_instance VI_1 {\n unicast_src_ip 10.0.0.1\n unicast_peer {\n 10.0.0.2\n }\n virtual_router_id 51\n}\n",
                                 vips: ["10.0.0.9"])
    #expect(messages(diagnostics) == ["(VI_1) Unknown interface!"])
}

// MARK: - Instance completion

@Test func noVIPsIsSensibleForV2AndRequiredForV3() {
    let (_, v2) = check("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n}\n")
    #expect(classed(v2).map { "\($0.0):\($0.2)" } == [
        "(VI_1) No VIP specified; at least one is sensible:generalError",
        "(VI_1) No VIP specified; at least one is sensible:warning",
    ])
    let (_, v3) = check("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n version 3\n}\nvrrp_instance VI_2 {\n interface eth0\n virtual_router_id 51\n}\n")
    // keepalived stops at the first instance that cannot be completed.
    #expect(messages(v3) == ["(VI_1) No VIP specified; at least one is required"])
}

@Test func strictModeRules() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
            state MASTER
            priority 100
            strict_mode
            version 3
            advert_int 41
            preempt_delay 10
            lower_prio_no_advert false
        }
        """, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == [
        "(VI_1) State MASTER must match being address owner",
        "(VI_1) preempt_delay is incompatible with strict mode - resetting",
        "(VI_1) Strict mode requires no lower priority advert. resetting",
        "(VI_1) VRRPv3 advertisement interval 41.00s is out of range. Must be less than 40.96s. Setting to 40.95s",
    ])
    let vrrp = config.vrrpInstances[0]
    #expect(vrrp.state == .backup)
    #expect(vrrp.accept == false)
    #expect(vrrp.advertisementInterval == 40_950_000)
}

@Test func strictModeResetsNonRFCBehaviour() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_3 {
            interface eth0
            virtual_router_id 8
            strict_mode
            state BACKUP
            priority 250
            accept
            garp_lower_prio_repeat 2
            garp_lower_prio_delay 2
            higher_prio_send_advert
            down_timer_adverts 5
            use_vmac 02:01:02:03:04:05
            vmac_xmit_base
        }
        """, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == [
        "(VI_3): cannot specify MAC address with strict mode - clearing",
        "(VI_3) down_timer_adverts is incompatible with strict mode - resetting",
        "(VI_3) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting",
        "(VI_3) Strict mode requires no repeat garps. resetting",
        "(VI_3) Strict mode requires no repeat garp delay. resetting",
        "(VI_3) strict mode requires higher_prio_send_advert to be clear. resetting",
        "(VI_3) xmit_base is incompatible with strict mode - resetting",
    ])
    let vrrp = config.vrrpInstances[0]
    #expect(vrrp.accept == false && vrrp.downTimerAdverts == 3 && vrrp.garpLowerPriorityRepeat == 0)
    #expect(vrrp.virtualMAC?.macAddress == nil && !vrrp.vmacTransmitOnBase)
}

@Test func vmacIpvlanAndMulticastlessInterfaces() {
    // keepalived -t on the same text (without VIPs there) gives the same lines.
    let (_, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface ifb0
            virtual_router_id 7
            use_vmac
            vmac_xmit_base
            promote_secondaries
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 8
            use_ipvlan
            unicast_fault_no_peer
            priority 255
            nopreempt
            state BACKUP
        }
        """, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == [
        "(VI_2) unicast with use_vmac requires vmac_xmit_base - setting",
        "(VI_1) interface ifb0 does not support multicast, specify unicast peers - disabling",
        "(VI_1) promote_secondaries is automatically set for vmacs - ignoring",
        "(VI_2) nopreempt is incompatible with priority 255. resetting nopreempt",
        "(VI_2) IPv4 ipvlan requires a source ip address to be configured. setting instance to fault state",
        "(VI_2) vmac_xmit_base is only valid with a vmac",
    ])
}

@Test func duplicateVRIDBetweenUnicastInstancesNeedsASharedPeer() {
    let text = """
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
            unicast_peer {
                10.0.0.2
            }
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 51
            unicast_peer {
                PEER
            }
        }
        """
    let (_, shared) = check(text.split(separator: "PEER").joined(separator: "10.0.0.2"), vips: ["10.0.0.1"])
    #expect(messages(shared) == ["(VI_1) duplicate VRID conflict with VI_2 VRID 51"])
    let (_, distinct) = check(text.split(separator: "PEER").joined(separator: "10.0.0.3"), vips: ["10.0.0.1"])
    #expect(messages(distinct).isEmpty)
}

@Test func authenticationIsDroppedWhereKeepalivedDropsIt() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 1
            version 3
            authentication {
                auth_type PASS
                auth_pass abc
            }
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 2
            authentication {
                auth_type PASS
            }
        }
        vrrp_instance VI_3 {
            interface eth0
            virtual_router_id 3
            state MASTER
            priority 100
            authentication {
                auth_type AH
                auth_pass abc
            }
        }
        """, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == [
        "(VI_1) VRRP version 3 does not support authentication. Ignoring.",
        "(VI_2) Authentication specified but no password given. Ignoring",
        "(VI_3) Initial state master is incompatible with AH authentication - clearing",
    ])
    #expect(config.vrrpInstances.map { $0.authentication == nil } == [true, true, false])
    #expect(config.vrrpInstances[2].state == .backup)
}

@Test func preemptionAndAdvertIntervalRules() {
    // The same text as keepalived -t's u2 case: MASTER without priority is the owner.
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            state MASTER
            virtual_router_id 51
            advert_int 1.5
            nopreempt
            preempt_delay 10
        }
        """, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == [
        "(VI_1) nopreempt is incompatible with priority 255. resetting nopreempt",
        "(VI_1) Warning - preempt delay will not work with initial state MASTER - clearing",
        "(VI_1) VRRPv2 advertisement interval 1.500000s must be an integer. rounding",
    ])
    #expect(config.vrrpInstances[0].advertisementInterval == 2_000_000)
    #expect(config.vrrpInstances[0].noPreempt == false)
}

@Test func unicastKeywordWithoutPeersIsDeprecated() {
    let (_, diagnostics) = check("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n unicast_src_ip 10.0.0.1\n}\n", vips: ["10.0.0.9"])
    #expect(classed(diagnostics).map(\.2) == [.deprecated])
}

@Test func ownerIgnoresWeightedTracking() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 2
            priority 255
            track_interface {
              eth1 weight 10
              eth0
            }
            track_script {
              chk_haproxy weight -20 reverse
            }
        }
        """, before: { config in
            config.vrrpScripts = [VRRPScript(name: "chk_haproxy", location: SourceLocation(file: path, line: 1, column: 1))]
        }, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == [
        "(VI_2) Ignoring track_interface eth0 since own interface",
        "(VI_2) ignoring eth1 tracked interface due to address owner",
        "(VI_2) ignoring tracked script chk_haproxy with weights due to address_owner",
    ])
    #expect(config.vrrpInstances[0].trackInterfaces.isEmpty)
    #expect(config.vrrpInstances[0].trackScripts.isEmpty)
}

@Test func duplicateVRIDOnOneInterface() {
    let text = """
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 51
        }
        vrrp_instance VI_3 {
            interface eth1
            virtual_router_id 51
        }
        """
    let (_, diagnostics) = check(text, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == ["VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0"])
    let (_, otherGroup) = check(text + "\n", vips: ["10.0.0.1"], after: { $0.vrrpInstances[1].multicastDestination = IPAddress("224.0.0.19") })
    #expect(messages(otherGroup).isEmpty)
}

// MARK: - Sync groups

private func group(_ name: String, _ members: [String]) -> VRRPSyncGroup {
    var group = VRRPSyncGroup(name: name, location: SourceLocation(file: path, line: 1, column: 1))
    group.members = members.map { Token($0) }
    return group
}

@Test func syncGroupMembership() {
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 52
        }
        """, vips: ["10.0.0.1"], after: { config in
            config.syncGroups = [group("G1", ["VI_1", "VI_X"]), group("G2", ["VI_1", "VI_2"]), group("G3", [])]
        })
    #expect(messages(diagnostics) == [
        "Virtual router VI_X specified in sync group G1 doesn't exist - ignoring",
        "Sync group G1 has only 1 virtual router(s) - this probably isn't what you want",
        "Virtual router VI_1 cannot exist in more than one sync group; ignoring G2",
        "Sync group G2 has only 1 virtual router(s) - this probably isn't what you want",
        "Sync group G3 has no virtual router(s). removing",
    ])
    #expect(config.syncGroups.map(\.name) == ["G1", "G2"])
    #expect(config.vrrpInstances.map(\.syncGroup) == ["G1", "G2"])
}

@Test func syncGroupMixingOwnersAndBackups() {
    let (_, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            state MASTER
            priority 255
            virtual_router_id 51
        }
        vrrp_instance VI_2 {
            interface eth0
            state BACKUP
            virtual_router_id 52
        }
        """, vips: ["10.0.0.1"], after: { $0.syncGroups = [group("G", ["VI_1", "VI_2"])] })
    #expect(messages(diagnostics) == [
        "Sync group G has some member(s) as address owner and some not as address owner. This won't work.",
    ])
}

@Test func namelessInstancesAndOddWordsAreSkippedAsKeepalivedDoes() {
    // Compared line by line with keepalived -t (e1.conf in the session notes).
    let (config, diagnostics) = check("""
        vrrp_instance {
            interface eth0
        }
        vrrp_instance VI_1 {
            interface eth0123456789abcdef
            interface eth0
            virtual_router_id 7
            smtp_alert foo
            notify_master /bin/true
            notify_master /bin/false
            kernel_rx_buf_size 12 13
            skip_check_adv_addr foo
            use_ipvlan ipv1 10.0.0.5/24 bridge private
            use_ipvlan
            garp_extra_if all
        }
        """, vips: ["10.0.0.1"])
    #expect(classed(diagnostics).map { "\($0.0)@\($0.1)" } == [
        "vrrp_instance must have a name@1",
        "Interface name 'eth0123456789abcdef' too long - ignoring@5",
        "Invalid vrrp_instance smtp_alert parameter foo@8",
        "(VI_1) notify_master script already specified - ignoring /bin/false@10",
        "(VI_1) invalid kernel_rx_buf_size specified@11",
        "(VI_1) invalid skip_check_adv_addr foo specified@12",
        "(VI_1) ipvlan type already specified - ignoring 'private'@13",
        "(VI_1) use_ipvlan already specified@14",
        "(VI_1): garp_extra_if specified without time - ignoring@15",
    ])
    let vrrp = try! #require(config.vrrpInstances.first)
    #expect(config.vrrpInstances.count == 1)
    #expect(vrrp.notifyMaster?.arguments == ["/bin/true"])
    #expect(vrrp.virtualMAC?.kind == .ipvlan && vrrp.virtualMAC?.interfaceName == "ipv1" && vrrp.virtualMAC?.ipvlanMode == .bridge)
    #expect(vrrp.sourceAddress == IPAddress("10.0.0.5"))
}

@Test func ipv6WithVersion2() {
    // keepalived -t: strict mode forces version 3; otherwise version 2 stays and AH is dropped.
    let (config, diagnostics) = check("""
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 1
            version 2
            strict_mode
            authentication {
              auth_type AH
              auth_pass abc
            }
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 2
            version 2
            authentication {
              auth_type AH
              auth_pass abc
            }
        }
        """, vips: ["2001:db8::1"])
    #expect(messages(diagnostics) == [
        "(VI_1) cannot use IPv6 with VRRP version 2; setting version 3",
        "(VI_1) Strict mode does not support authentication. Ignoring.",
        "(VI_1) the first IPv6 VIP address must be link local",
        "(VI_2) Cannot use AH authentication with IPv6. ignoring",
    ])
    #expect(config.vrrpInstances.map(\.version) == [.v3, .v2])
}
