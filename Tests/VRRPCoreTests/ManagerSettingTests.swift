import Testing
@testable import VRRPCore

private let us: [UInt8] = [10, 0, 0, 1]
private let peer: [UInt8] = [10, 0, 0, 2]

private func at(_ seconds: Double) -> Instant { Instant(microseconds: UInt64(seconds * 1_000_000)) }

private func engine(priority: UInt8, master: Bool, trackers: [TrackingBinding] = [], states: [TrackerState] = []) -> Engine {
    Engine(.init(instances: [Engine.InstanceConfiguration(
        router: VirtualRouterConfiguration(name: "VI_1", vrid: VRID(51), basePriority: Priority(priority), wantsMasterAtStart: master,
                                           sourceAddress: us, garpMasterDelay: 0),
        trackers: trackers)], trackers: states))
}

private func advert(_ priority: UInt8) -> Engine.Input {
    .advertisementReceived("VI_1", Advertisement(version: .v2, vrid: VRID(51), priority: Priority(priority), addresses: [], interval: 1),
                           source: peer)
}

private func fire(_ engine: inout Engine) -> [Engine.Action] {
    let router = engine.routers["VI_1"]!
    guard let deadline = router.deadline else { return [] }
    return engine.handle(.timerExpired("VI_1", generation: router.currentGeneration), now: deadline)
}

/// SNMP SETs of vrrpInstanceBasePriority and vrrpInstancePreempt, as keepalived 2.2.7's
/// vrrp_snmp_instance_priority and vrrp_snmp_instance_preempt apply them.
@Suite struct ManagerSettingTests {
    @Test func aLowerBasePriorityIsAdvertisedAndAHigherBackupTakesOver() {
        var engine = engine(priority: 150, master: true)
        _ = engine.handle(.start, now: .zero)
        _ = fire(&engine)
        #expect(engine.routers["VI_1"]!.state == .master)
        #expect(engine.handle(.settingChanged("VI_1", .basePriority(Priority(50))), now: at(4)) == [
            .instance("VI_1", .log("(VI_1) base priority changed from 150 to 50 via SNMP.")),
            .instance("VI_1", .log("(VI_1) Changing effective priority from 150 to 50")),
        ])
        #expect(engine.routers["VI_1"]!.configuration.basePriority == Priority(50))
        // The next advert carries it; a backup at 100 now preempts, and this master steps down.
        #expect(fire(&engine).first == .instance("VI_1", .sendAdvertisement(Priority(50))))
        let heard = engine.handle(advert(100), now: at(5.5))
        #expect(heard.contains(.instance("VI_1", .transition(from: .master, to: .backup))))
    }

    @Test func trackersKeepTheirShareAndABackupsDownTimerMoves() {
        var engine = engine(priority: 100, master: false, trackers: [TrackingBinding(.script("chk"), weight: 10)],
                            states: [.upDown(.script("chk"))])
        #expect(engine.handle(.start, now: .zero).contains(.instance("VI_1", .armTimer(at: at(3.5703125), generation: 1))))
        // base 100 + 10 = 110; base 200 + 10 = 210: Skew_Time (256 - 210)/256 s.
        #expect(engine.handle(.settingChanged("VI_1", .basePriority(Priority(200))), now: at(1)) == [
            .instance("VI_1", .log("(VI_1) base priority changed from 100 to 200 via SNMP.")),
            .instance("VI_1", .log("(VI_1) Changing effective priority from 110 to 210")),
            .instance("VI_1", .armTimer(at: at(3.1796875), generation: 2)),
        ])
        #expect(engine.tracking["VI_1"]!.effectivePriority == Priority(210))
    }

    @Test func anAddressOwnersEffectivePriorityStays() {
        var engine = engine(priority: 100, master: false)
        _ = engine.handle(.start, now: .zero)
        // keepalived's vrrp_set_effective_priority leaves an owner's alone, so 100 stays in effect.
        #expect(engine.handle(.settingChanged("VI_1", .basePriority(.owner)), now: at(1)) == [
            .instance("VI_1", .log("(VI_1) base priority changed from 100 to 255 via SNMP.")),
        ])
        #expect(engine.routers["VI_1"]!.effectivePriority == Priority(100))
    }

    @Test func noPreemptKeepsAHigherBackupWaitingUntilItIsOnAgain() {
        var engine = engine(priority: 150, master: false)
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.settingChanged("VI_1", .preemption(enabled: false)), now: at(0.5)) == [
            .instance("VI_1", .log("(VI_1) preemption disabled with SNMP")),
        ])
        // A lower master is accepted: the down timer starts again.
        #expect(engine.handle(advert(100), now: at(1)).contains(.instance("VI_1", .armTimer(at: at(4.4140625), generation: 2))))
        #expect(engine.handle(.settingChanged("VI_1", .preemption(enabled: true)), now: at(1.5)) == [
            .instance("VI_1", .log("(VI_1) preemption enabled with SNMP")),
        ])
        // Now it is ignored, and the timer running out makes this router master.
        #expect(engine.handle(advert(100), now: at(2)) == [
            .instance("VI_1", .log("(VI_1) received lower priority (100) advert from 10.0.0.2 - discarding")),
        ])
        #expect(fire(&engine).contains(.instance("VI_1", .transition(from: .backup, to: .master))))
        // keepalived logs a repeated setting too.
        #expect(engine.handle(.settingChanged("VI_1", .preemption(enabled: true)), now: at(5)).count == 1)
    }

    @Test func unknownInstancesAndStoppedEnginesIgnoreSettings() {
        var engine = engine(priority: 100, master: false)
        _ = engine.handle(.start, now: .zero)
        #expect(engine.handle(.settingChanged("VI_9", .basePriority(Priority(10))), now: at(1)).isEmpty)
        _ = engine.handle(.stop, now: at(2))
        #expect(engine.handle(.settingChanged("VI_1", .basePriority(Priority(10))), now: at(3)).isEmpty)
    }
}
