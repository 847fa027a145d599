import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

// keepalived 2.2.7's post-parse vrrp_instance and sync group checks.
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

/// keepalived 2.2.7 -t on the same text: the same two lines, and the script is then unused.
@Test func syncGroupWithoutTrackWeightIgnoresWeightedTracking() {
    let (config, diagnostics) = check("""
        vrrp_sync_group G1 {
            group {
              VI_1
              VI_2
            }
        }
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 1
            track_interface {
              eth1 weight 10
            }
            track_script {
              chk_up
            }
        }
        vrrp_instance VI_2 {
            interface eth0
            virtual_router_id 2
        }
        """, before: { config in
            var script = VRRPScript(name: "chk_up", location: SourceLocation(file: path, line: 1, column: 1))
            script.weight = 10
            config.vrrpScripts = [script]
        }, vips: ["10.0.0.1"])
    #expect(messages(diagnostics) == [
        "(VI_1) ignoring eth1 tracked interface weight due to SYNC group",
        "(VI_1) ignoring tracked script chk_up with weights due to SYNC group",
    ])
    #expect(config.vrrpInstances[0].trackInterfaces.map(\.weight) == [0])
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

@Test func dynamicInterfacesAcceptsInterfacesThatDoNotExistYet() {
    // keepalived -t on the same text: exit 0, nothing reported.
    let loaded = load("""
    global_defs {
      dynamic_interfaces
    }
    vrrp_instance VI_1 {
      interface eth9
      virtual_router_id 5
      track_interface {
        eth8
      }
      virtual_ipaddress {
        10.1.1.1/24 dev eth7
      }
    }
    """)
    #expect(classed(loaded.diagnostics).isEmpty)
    #expect(loaded.configTestExitCode == 0)
    #expect(loaded.configuration.vrrpInstances.first?.interface == "eth9")
}
