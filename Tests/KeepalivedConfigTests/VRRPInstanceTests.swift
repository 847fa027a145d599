import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

// vrrp_instance parsing: typical instances and keyword problems.
// Expected messages and classes were taken from `keepalived -t` (Debian 2.2.7) on the same text.

private let path = VRRPInstanceFixture.path
private let labInterfaces = VRRPInstanceFixture.labInterfaces
private func load(_ text: String) -> LoadedConfiguration { VRRPInstanceFixture.load(text) }
private func check(
    _ text: String, before: (inout Configuration) -> Void = { _ in }, vips: [String] = [],
    after: (inout Configuration) -> Void = { _ in }
) -> (config: Configuration, diagnostics: [Diagnostic]) {
    VRRPInstanceFixture.check(text, before: before, vips: vips, after: after)
}
private func classed(_ diagnostics: [Diagnostic]) -> [(String, Int, ConfigErrorClass)] { VRRPInstanceFixture.classed(diagnostics) }
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

