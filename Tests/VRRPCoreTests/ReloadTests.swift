import Testing
@testable import VRRPCore

private let us: [UInt8] = [10, 0, 0, 1]

private func at(_ seconds: Double) -> Instant { Instant(microseconds: UInt64(seconds * 1_000_000)) }

private func instance(_ name: String, vrid: UInt8 = 51, priority: UInt8 = 100, trackers: [TrackingBinding] = []) -> Engine.InstanceConfiguration {
    Engine.InstanceConfiguration(
        router: VirtualRouterConfiguration(name: name, vrid: VRID(vrid), basePriority: Priority(priority), sourceAddress: us, garpMasterDelay: 0),
        interface: "eth0", trackers: trackers)
}

/// Starts the engine and runs it until every instance is master (no peers).
private func runningMasters(_ configuration: Engine.Configuration) -> Engine {
    var engine = Engine(configuration)
    _ = engine.handle(.start, now: .zero)
    for id in engine.instanceIDs {
        let router = engine.routers[id]!
        if let deadline = router.deadline, router.state == .backup {
            _ = engine.handle(.timerExpired(id, generation: router.currentGeneration), now: deadline)
        }
    }
    return engine
}

/// keepalived's reload, as the Engine computes it: nothing that stays the same moves.
@Suite struct EngineReloadTests {
    @Test func anUnchangedConfigurationChangesNothing() {
        let configuration = Engine.Configuration(instances: [instance("VI_1"), instance("VI_2", vrid: 52)])
        let engine = runningMasters(configuration)
        let before = engine.routers["VI_1"]!
        let reload = engine.reloaded(with: configuration, continuing: ["VI_1": "VI_1", "VI_2": "VI_2"], now: at(5))
        #expect(reload.actions.isEmpty)
        #expect(reload.removed.isEmpty)
        let after = reload.engine.routers["VI_1"]!
        #expect(after.state == .master && after.deadline == before.deadline && after.currentGeneration == before.currentGeneration)
        #expect(after.statistics == before.statistics && after.addressesInstalled)
        // The armed advert timer still fires in the new engine.
        var next = reload.engine
        let fired = next.handle(.timerExpired("VI_1", generation: after.currentGeneration), now: after.deadline!)
        #expect(fired.contains(.instance("VI_1", .sendAdvertisement(Priority(100)))))
    }

    @Test func aChangedPriorityKeepsTheStateAndAdvertisesTheNewPriority() {
        let engine = runningMasters(.init(instances: [instance("VI_1", priority: 100)]))
        let reload = engine.reloaded(with: .init(instances: [instance("VI_1", priority: 120)]), continuing: ["VI_1": "VI_1"], now: at(5))
        #expect(!reload.actions.contains { if case .instance(_, .transition) = $0 { true } else { false } })
        var next = reload.engine
        let router = next.routers["VI_1"]!
        #expect(router.state == .master && router.effectivePriority == Priority(120))
        let fired = next.handle(.timerExpired("VI_1", generation: router.currentGeneration), now: router.deadline!)
        #expect(fired.contains(.instance("VI_1", .sendAdvertisement(Priority(120)))))
    }

    @Test func addedInstancesStartAndRemovedOnesStopAsAtShutdown() {
        let engine = runningMasters(.init(instances: [instance("VI_1"), instance("VI_2", vrid: 52)]))
        let reload = engine.reloaded(with: .init(instances: [instance("VI_1"), instance("VI_3", vrid: 53)]),
                                     continuing: ["VI_1": "VI_1"], now: at(5))
        #expect(reload.actions.contains(.instance("VI_3", .transition(from: .initialize, to: .backup))))
        #expect(reload.removed.map(\.id) == ["VI_2"])
        let stop = reload.removed[0].actions
        #expect(stop.contains(.sendAdvertisement(.releasingMastership)) && stop.contains(.removeAddresses))
        #expect(reload.engine.routers["VI_1"]!.state == .master)
        #expect(reload.engine.routers["VI_2"] == nil)
    }

    @Test func trackerResultsCarryOverAndNewWeightsApply() {
        let script = TrackingBinding(.script("chk"), weight: 10)
        var engine = runningMasters(.init(instances: [instance("VI_1", trackers: [script])]))
        _ = engine.handle(.trackerResult(.script("chk"), .succeeded), now: at(4))
        #expect(engine.routers["VI_1"]!.effectivePriority == Priority(110))
        // Same tracker: its result stays, so the priority does not move.
        let same = engine.reloaded(with: .init(instances: [instance("VI_1", trackers: [script])]), continuing: ["VI_1": "VI_1"], now: at(5))
        #expect(same.actions.isEmpty)
        #expect(same.engine.routers["VI_1"]!.effectivePriority == Priority(110))
        // A new weight for the same (succeeding) script applies at once, without a transition.
        let heavier = TrackingBinding(.script("chk"), weight: 20)
        let changed = engine.reloaded(with: .init(instances: [instance("VI_1", trackers: [heavier])]), continuing: ["VI_1": "VI_1"], now: at(5))
        #expect(changed.engine.routers["VI_1"]!.effectivePriority == Priority(120))
        #expect(changed.engine.routers["VI_1"]!.state == .master)
    }
}
