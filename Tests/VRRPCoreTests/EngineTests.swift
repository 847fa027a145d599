import Testing
@testable import VRRPCore

private let us: [UInt8] = [10, 0, 0, 1]
private let peer: [UInt8] = [10, 0, 0, 2]

private func at(_ seconds: Double) -> Instant { Instant(microseconds: UInt64(seconds * 1_000_000)) }

private func instance(
    _ name: String, vrid: UInt8 = 51, priority: UInt8 = 100, master: Bool = false, interface: String = "eth0",
    trackers: [TrackingBinding] = []
) -> Engine.InstanceConfiguration {
    Engine.InstanceConfiguration(
        router: VirtualRouterConfiguration(
            name: name, vrid: VRID(vrid), basePriority: Priority(priority), wantsMasterAtStart: master, sourceAddress: us, garpMasterDelay: 0),
        interface: interface, trackers: trackers)
}

private func advert(_ priority: UInt8, vrid: UInt8 = 51) -> Advertisement {
    Advertisement(version: .v2, vrid: VRID(vrid), priority: Priority(priority), addresses: [], interval: 1)
}

/// Fires the instance's timer at its deadline, as the executor does.
private func fire(_ engine: inout Engine, _ id: InstanceID) -> [Engine.Action] {
    let router = engine.routers[id]!
    guard let deadline = router.deadline else { return [] }
    return engine.handle(.timerExpired(id, generation: router.currentGeneration), now: deadline)
}

@Suite struct EngineTrackingTests {
    @Test func unweightedScriptFailureFaultsTheInstanceAndRecoveryReturnsItToBackup() {
        var engine = Engine(.init(instances: [instance("VI_1", trackers: [TrackingBinding(.script("chk"))])]))
        // No result yet: FAULT (init) without a notification, keepalived's num_script_init.
        #expect(engine.handle(.start, now: .zero) == [
            .instance("VI_1", .log("(VI_1) Entering FAULT STATE (init)")),
            .instance("VI_1", .cancelTimer),
        ])
        #expect(engine.handle(.trackerResult(.script("chk"), .succeeded), now: at(1)) == [
            .log("VRRP_Script(chk) succeeded"),
            .instance("VI_1", .log("(VI_1) Entering BACKUP STATE")),
            .instance("VI_1", .transition(from: .fault, to: .backup)),
            .instance("VI_1", .armTimer(at: at(4.609375), generation: 2)),
        ])
        #expect(fire(&engine, "VI_1").contains(.instance("VI_1", .transition(from: .backup, to: .master))))
        #expect(engine.handle(.trackerResult(.script("chk"), .failed(detail: "exited with status 2")), now: at(6)) == [
            .log("VRRP_Script(chk) failed (exited with status 2)"),
            .instance("VI_1", .log("(VI_1) Entering FAULT STATE")),
            .instance("VI_1", .sendAdvertisement(.releasingMastership)),
            .instance("VI_1", .removeAddresses),
            .instance("VI_1", .transition(from: .master, to: .fault)),
            .instance("VI_1", .cancelTimer),
        ])
        // Another failure changes nothing; a success brings it back as backup with a full down timer.
        #expect(engine.handle(.trackerResult(.script("chk"), .failed(detail: nil)), now: at(7)) == [])
        #expect(engine.handle(.trackerResult(.script("chk"), .succeeded), now: at(8)) == [
            .log("VRRP_Script(chk) succeeded"),
            .instance("VI_1", .log("(VI_1) Entering BACKUP STATE")),
            .instance("VI_1", .transition(from: .fault, to: .backup)),
            .instance("VI_1", .armTimer(at: at(11.609375), generation: 5)),
        ])
        #expect(engine.routers["VI_1"]!.state == .backup)
    }

    @Test func aFirstFailedResultNotifiesTheFaultItHeldQuietly() {
        var engine = Engine(.init(instances: [instance("VI_1", trackers: [TrackingBinding(.script("chk"))])]))
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.trackerResult(.script("chk"), .failed(detail: nil)), now: at(1)) == [
            .log("VRRP_Script(chk) failed"),
            .instance("VI_1", .transition(from: .fault, to: .fault)),
        ])
    }

    @Test func ownInterfaceDownAtStartIsANotifiedFault() {
        var engine = Engine(.init(instances: [instance("VI_1")], trackers: [.upDown(.interface("eth0"), up: false)]))
        // keepalived logs why (initialise_tracking_priorities), then the fault (vrrp_complete_init).
        #expect(engine.handle(.start, now: .zero) == [
            .log("(VI_1): entering FAULT state (interface eth0 down)"),
            .instance("VI_1", .log("(VI_1) entering FAULT state")),
            .instance("VI_1", .transition(from: .initialize, to: .fault)),
            .instance("VI_1", .cancelTimer),
        ])
        #expect(engine.handle(.interfaceChanged("eth0", isUp: true), now: at(2)).last == .instance("VI_1", .armTimer(at: at(5.609375), generation: 2)))
    }

    @Test func startFaultsAreExplainedObjectKindByKindThenInstanceByInstance() {
        let engine = Engine(.init(
            instances: [
                instance("VI_1", trackers: [TrackingBinding(.script("chk")), TrackingBinding(.file("prio"), weight: -100)]),
                instance("VI_2", vrid: 52, interface: "eth1", trackers: [TrackingBinding(.sourceAddress(instance: "VI_2")),
                                                                          TrackingBinding(.process("nginx"))]),
            ],
            trackers: [.script("chk", initFail: true), .file("prio", value: 3), .upDown(.interface("eth1"), up: false),
                       .upDown(.sourceAddress(instance: "VI_2"), up: false), .upDown(.process("nginx"), up: false)]))
        #expect(engine.startFaultLines() == [
            .log("(VI_2): entering FAULT state (interface eth1 down)"),
            .log("(VI_1): entering FAULT state (tracked file prio has status -300)"),
            .log("(VI_2) entering FAULT state (tracked process nginx quorum not achieved)"),
            .log("(VI_1): entering FAULT state due to script chk"),
            .log("(VI_2) entering FAULT state (no IPv4 address for interface)"),
        ])
    }

    @Test func anInstanceWithoutSourceAddressWaitsInFaultForOne() {
        var engine = Engine(.init(
            instances: [instance("VI_1", trackers: [TrackingBinding(.sourceAddress(instance: "VI_1"))])],
            trackers: [.upDown(.sourceAddress(instance: "VI_1"), up: false)]))
        #expect(engine.handle(.start, now: .zero).prefix(2) == [
            .log("(VI_1) entering FAULT state (no IPv4 address for interface)"),
            .instance("VI_1", .log("(VI_1) entering FAULT state")),
        ])
        let address: [UInt8] = [10, 0, 0, 9]
        #expect(engine.handle(.sourceAddressChanged("VI_1", address), now: at(1)).prefix(2) == [
            .instance("VI_1", .log("(VI_1) Entering BACKUP STATE")),
            .instance("VI_1", .transition(from: .fault, to: .backup)),
        ])
        #expect(engine.routers["VI_1"]!.configuration.sourceAddress == address)
        // Another address taking over (the first one went) changes nothing but the source.
        #expect(engine.handle(.sourceAddressChanged("VI_1", [10, 0, 0, 10]), now: at(2)).isEmpty)
        #expect(engine.handle(.sourceAddressChanged("VI_1", nil), now: at(3)).prefix(2) == [
            .instance("VI_1", .log("(VI_1) Entering FAULT STATE")),
            .instance("VI_1", .transition(from: .backup, to: .fault)),
        ])
    }

    @Test func weightedTrackersMoveThePriorityAndTheBackupDeadline() {
        var engine = Engine(.init(instances: [instance("VI_1", trackers: [
            TrackingBinding(.interface("eth1"), weight: -20), TrackingBinding(.file("/run/prio"), weight: 2),
        ])], trackers: [.file("/run/prio", value: 5)]))
        // keepalived sets the start priority through vrrp_set_effective_priority, so it is logged.
        #expect(engine.handle(.start, now: .zero) == [
            .instance("VI_1", .log("(VI_1) Changing effective priority from 100 to 110")),
            .instance("VI_1", .log("(VI_1) Entering BACKUP STATE (init)")),
            .instance("VI_1", .transition(from: .initialize, to: .backup)),
            .instance("VI_1", .armTimer(at: at(3.5703125), generation: 1)),
        ])
        // 110 → 90: skew grows by 20/256 s, and the running deadline moves by as much.
        #expect(engine.handle(.interfaceChanged("eth1", isUp: false), now: at(1)) == [
            .instance("VI_1", .log("(VI_1) Changing effective priority from 110 to 90")),
            .instance("VI_1", .armTimer(at: at(3.6484375), generation: 2)),
        ])
        // −400 is a fault; the file's contribution leaves the total first (keepalived changes
        // total_priority silently there, so this log line is ours).
        #expect(engine.handle(.trackerResult(.file("/run/prio"), .value(-200)), now: at(2)) == [
            .instance("VI_1", .log("(VI_1) Changing effective priority from 90 to 80")),
            .instance("VI_1", .armTimer(at: at(3.6875), generation: 3)),
            .instance("VI_1", .log("(VI_1) Entering FAULT STATE")),
            .instance("VI_1", .transition(from: .backup, to: .fault)),
            .instance("VI_1", .cancelTimer),
        ])
        #expect(engine.tracking["VI_1"]!.faults == [.file("/run/prio")])
    }

    @Test func dontTrackPrimaryIgnoresTheOwnInterface() {
        var configuration = instance("VI_1")
        configuration.dontTrackPrimary = true
        var engine = Engine(.init(instances: [configuration]))
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.interfaceChanged("eth0", isUp: false), now: at(1)) == [])
        #expect(engine.routers["VI_1"]!.state == .backup)
    }

    @Test func processAndBFDTrackersAddAndRemoveTheirWeight() {
        var engine = Engine(.init(instances: [instance("VI_1", trackers: [
            TrackingBinding(.process("haproxy"), weight: 30), TrackingBinding(.bfd("peer"), weight: -15, reverse: true),
        ])], trackers: [.upDown(.process("haproxy"), up: false), .upDown(.bfd("peer"), up: true)]))
        _ = engine.handle(.start, now: .zero)
        #expect(engine.routers["VI_1"]!.effectivePriority == Priority(100))
        _ = engine.handle(.trackerResult(.process("haproxy"), .succeeded), now: at(1))
        #expect(engine.routers["VI_1"]!.effectivePriority == Priority(130))
        // reverse with a negative weight: the BFD session going down adds 15.
        _ = engine.handle(.trackerResult(.bfd("peer"), .failed(detail: nil)), now: at(2))
        #expect(engine.routers["VI_1"]!.effectivePriority == Priority(145))
        #expect(engine.tracking["VI_1"]!.totalPriority == 145)
    }

    @Test func resultsForUntrackedObjectsOnlyLog() {
        var engine = Engine(.init(instances: [instance("VI_1")]))
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.trackerResult(.script("other"), .succeeded), now: at(1)) == [.log("VRRP_Script(other) succeeded")])
        #expect(engine.routers["VI_1"]!.state == .backup)
    }

    @Test func anOwnerKeepsPriority255() {
        var engine = Engine(.init(instances: [instance("VI_1", priority: 255, master: true, trackers: [TrackingBinding(.interface("eth1"), weight: -50)])]))
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.interfaceChanged("eth1", isUp: false), now: at(1)) == [])
        #expect(engine.routers["VI_1"]!.effectivePriority == .owner)
    }

    @Test func advertsAndTimersOfOtherInstancesAreIgnoredBeforeStart() {
        var engine = Engine(.init(instances: [instance("VI_1")]))
        #expect(engine.handle(.advertisementReceived("VI_1", advert(200), source: peer), now: .zero) == [])
        #expect(engine.handle(.timerExpired("VI_1", generation: 0), now: .zero) == [])
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.advertisementReceived("VI_9", advert(200), source: peer), now: .zero) == [])
    }
}

@Suite struct EngineSyncGroupTests {
    /// VI_1 (priority 100, eth0) and VI_2 (priority 50, eth1) in sync group G1.
    private func group(trackers: [TrackingBinding] = []) -> Engine {
        Engine(.init(
            instances: [instance("VI_1", vrid: 51, priority: 100, interface: "eth0"), instance("VI_2", vrid: 52, priority: 50, interface: "eth1")],
            syncGroups: [.init(id: "G1", members: ["VI_1", "VI_2"], trackers: trackers)]))
    }

    @Test func theGroupStartsInBackupAndIsNotified() {
        var engine = group()
        let actions = engine.handle(.start, now: .zero)
        #expect(actions.first == .groupTransition("G1", from: .initialize, to: .backup))
        #expect(engine.syncGroups["G1"]!.state == .backup)
    }

    @Test func aMemberFaultyAtStartFaultsTheGroupAndEveryMemberIsNotified() {
        var engine = Engine(.init(
            instances: [instance("VI_1", vrid: 51, priority: 100, interface: "eth0"), instance("VI_2", vrid: 52, priority: 50, interface: "eth1")],
            syncGroups: [.init(id: "G1", members: ["VI_1", "VI_2"])],
            trackers: [.upDown(.interface("eth0"), up: false)]))
        // As keepalived 2.2.7 logs and notifies it: the members first, then the group.
        #expect(engine.handle(.start, now: .zero) == [
            .log("(VI_1): entering FAULT state (interface eth0 down)"),
            .log("VRRP_Group(G1): Syncing VI_1 to FAULT state"),
            .instance("VI_1", .log("(VI_1) entering FAULT state")),
            .instance("VI_1", .transition(from: .initialize, to: .fault)),
            .instance("VI_1", .cancelTimer),
            .instance("VI_2", .log("(VI_2) entering FAULT state")),
            .instance("VI_2", .transition(from: .initialize, to: .fault)),
            .instance("VI_2", .cancelTimer),
            .groupTransition("G1", from: .initialize, to: .fault),
        ])
    }

    @Test func aDeletedVIPStepsTheGroupsMastersDownForSkewTimeWithoutAGroupNotification() {
        var engine = group()
        _ = engine.handle(.start, now: .zero)
        _ = fire(&engine, "VI_1")
        _ = fire(&engine, "VI_2")
        #expect(engine.syncGroups["G1"]!.state == .master)
        let now = at(10)
        let actions = engine.handle(.virtualAddressDeleted("VI_1"), now: now)
        #expect(actions.filter { if case .groupTransition = $0 { true } else { false } }.isEmpty)
        #expect(actions.prefix(5) == [
            .instance("VI_1", .log("(VI_1) Entering BACKUP STATE")),
            .instance("VI_1", .sendAdvertisement(.releasingMastership, sequenceNumber: nil)),
            .instance("VI_1", .removeAddresses),
            .instance("VI_1", .transition(from: .master, to: .backup)),
            .instance("VI_1", .armTimer(at: now.adding(engine.routers["VI_1"]!.skewTime), generation: engine.routers["VI_1"]!.currentGeneration)),
        ])
        #expect(engine.routers["VI_2"]!.state == .backup)
        #expect(engine.syncGroups["G1"]!.state == .backup)
    }

    @Test func oneMembersFaultFaultsBothAndRecoveryReturnsBoth() {
        var engine = group()
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.interfaceChanged("eth1", isUp: false), now: at(1)) == [
            .instance("VI_2", .log("(VI_2) Entering FAULT STATE")),
            .instance("VI_2", .transition(from: .backup, to: .fault)),
            .instance("VI_2", .cancelTimer),
            .log("VRRP_Group(G1) Syncing instances to FAULT state"),
            .instance("VI_1", .log("(VI_1) Entering FAULT STATE")),
            .instance("VI_1", .transition(from: .backup, to: .fault)),
            .instance("VI_1", .cancelTimer),
            .groupTransition("G1", from: .backup, to: .fault),
        ])
        #expect(engine.handle(.interfaceChanged("eth1", isUp: true), now: at(2)) == [
            .instance("VI_2", .log("(VI_2) Entering BACKUP STATE")),
            .instance("VI_2", .transition(from: .fault, to: .backup)),
            .instance("VI_2", .armTimer(at: at(5.8046875), generation: 3)),
            .log("VRRP_Group(G1) Syncing instances to BACKUP state"),
            .instance("VI_1", .log("(VI_1) Entering BACKUP STATE")),
            .instance("VI_1", .transition(from: .fault, to: .backup)),
            .instance("VI_1", .armTimer(at: at(5.609375), generation: 3)),
            .groupTransition("G1", from: .fault, to: .backup),
        ])
    }

    @Test func aMasterMemberFaultingTakesTheGroupMastersDownWithPriorityZero() {
        var engine = group()
        _ = engine.handle(.start, now: .zero)
        _ = fire(&engine, "VI_1")
        _ = fire(&engine, "VI_2")
        #expect(engine.syncGroups["G1"]!.state == .master)
        let actions = engine.handle(.interfaceChanged("eth0", isUp: false), now: at(5))
        #expect(actions.filter { if case .instance(_, .sendAdvertisement(.releasingMastership, _)) = $0 { true } else { false } }.count == 2)
        #expect(engine.routers.values.allSatisfy { $0.state == .fault && !$0.addressesInstalled })
        #expect(actions.last == .groupTransition("G1", from: .master, to: .fault))
    }

    @Test func aGroupTrackerAppliesToEveryMember() {
        var engine = group(trackers: [TrackingBinding(.script("chk_db"))])
        // Waiting for the first result: FAULT without notifications, group in INIT.
        #expect(!engine.handle(.start, now: .zero).contains { action in
            switch action {
            case .groupTransition, .instance(_, .transition): true
            default: false
            }
        })
        #expect(engine.syncGroups["G1"]!.state == .initialize)
        #expect(engine.routers.values.allSatisfy { $0.state == .fault })
        let actions = engine.handle(.trackerResult(.script("chk_db"), .succeeded), now: at(1))
        #expect(engine.routers.values.allSatisfy { $0.state == .backup })
        #expect(actions.last == .groupTransition("G1", from: .initialize, to: .backup))
    }

    @Test func bothGoMasterTogetherOnlyWhenBothTimersHaveExpired() {
        var engine = group()
        _ = engine.handle(.start, now: .zero)
        // VI_1's down timer (3.609375 s) runs out first; VI_2 (3.8046875 s) does not want MASTER yet.
        #expect(fire(&engine, "VI_1") == [.instance("VI_1", .armTimer(at: at(7.21875), generation: 2))])
        #expect(engine.routers["VI_1"]!.state == .backup)
        #expect(engine.routers["VI_1"]!.wantState == .master)
        // VI_2's runs out: everybody wants MASTER, so both go, the trigger first.
        let actions = fire(&engine, "VI_2")
        #expect(actions == [
            .instance("VI_2", .sendAdvertisement(Priority(50))),
            .instance("VI_2", .log("(VI_2) Entering MASTER STATE")),
            .instance("VI_2", .addAddresses),
            .instance("VI_2", .announceAddresses(count: 5)),
            .instance("VI_2", .transition(from: .backup, to: .master)),
            .instance("VI_2", .armTimer(at: at(4.8046875), generation: 2)),
            .log("VRRP_Group(G1) Syncing instances to MASTER state"),
            .instance("VI_1", .sendAdvertisement(Priority(100))),
            .instance("VI_1", .log("(VI_1) Entering MASTER STATE")),
            .instance("VI_1", .addAddresses),
            .instance("VI_1", .announceAddresses(count: 5)),
            .instance("VI_1", .transition(from: .backup, to: .master)),
            .instance("VI_1", .armTimer(at: at(4.8046875), generation: 3)),
            .groupTransition("G1", from: .backup, to: .master),
        ])
    }

    @Test func aHeldMemberHearingAMasterStopsWantingMaster() {
        var engine = group()
        _ = engine.handle(.start, now: .zero)
        _ = fire(&engine, "VI_1")
        _ = engine.handle(.advertisementReceived("VI_1", advert(200), source: peer), now: at(3.7))
        #expect(engine.routers["VI_1"]!.wantState == .backup)
        // VI_2's timer now finds VI_1 unwilling, so VI_2 waits too.
        _ = fire(&engine, "VI_2")
        #expect(engine.routers.values.allSatisfy { $0.state == .backup })
        #expect(engine.syncGroups["G1"]!.state == .backup)
    }

    @Test func oneMemberHearingAHigherPriorityMovesBothToBackup() {
        var engine = group()
        _ = engine.handle(.start, now: .zero)
        _ = fire(&engine, "VI_1")
        _ = fire(&engine, "VI_2")
        let actions = engine.handle(.advertisementReceived("VI_1", advert(150), source: peer), now: at(5))
        #expect(actions == [
            .instance("VI_1", .log("(VI_1) Master received advert from 10.0.0.2 with higher priority 150, ours 100")),
            .instance("VI_1", .log("(VI_1) Entering BACKUP STATE")),
            .instance("VI_1", .removeAddresses),
            .instance("VI_1", .transition(from: .master, to: .backup)),
            .instance("VI_1", .armTimer(at: at(8.609375), generation: 4)),
            .log("VRRP_Group(G1) Syncing instances to BACKUP state"),
            .instance("VI_2", .log("(VI_2) Entering BACKUP STATE")),
            .instance("VI_2", .removeAddresses),
            .instance("VI_2", .transition(from: .master, to: .backup)),
            .instance("VI_2", .armTimer(at: at(8.8046875), generation: 3)),
            .groupTransition("G1", from: .master, to: .backup),
        ])
    }

    @Test func stopStopsEveryMemberAndTheGroup() {
        var engine = group()
        _ = engine.handle(.start, now: .zero)
        let actions = engine.handle(.stop, now: at(1))
        #expect(actions.last == .groupTransition("G1", from: .backup, to: .stop))
        #expect(engine.routers.values.allSatisfy { $0.state == .stop })
        #expect(engine.handle(.interfaceChanged("eth0", isUp: false), now: at(2)) == [])
    }
}
