import Testing
@testable import VRRPCore

private let peer: [UInt8] = [10, 0, 0, 2]
private let us: [UInt8] = [10, 0, 0, 1]

private func router(priority: UInt8 = 100, version: VRRPVersion = .v2, master: Bool = false, noPreempt: Bool = false, preemptDelay: UInt64 = 0) -> VirtualRouter {
    VirtualRouter(VirtualRouterConfiguration(
        name: "VI_1", vrid: VRID(51), version: version, basePriority: Priority(priority), wantsMasterAtStart: master,
        noPreempt: noPreempt, preemptDelay: preemptDelay, sourceAddress: us))
}

private func advert(_ priority: UInt8, version: VRRPVersion = .v2, interval: UInt16 = 1) -> VirtualRouter.Input {
    .advertisementReceived(
        Advertisement(version: version, vrid: VRID(51), priority: Priority(priority), addresses: [[10, 0, 0, 100]], interval: interval),
        source: peer)
}

private func at(_ seconds: Double) -> Instant { Instant(microseconds: UInt64(seconds * 1_000_000)) }

/// Drives the router with the timer it asked for, like the executor does.
private func fire(_ router: inout VirtualRouter) -> [VirtualRouter.Action] {
    guard let deadline = router.deadline else { return [] }
    return router.handle(.timerExpired(generation: router.currentGeneration), now: deadline)
}

@Test func backupBecomesMasterAfterMasterDownInterval() {
    var r = router()
    let start = r.handle(.start(isUp: true), now: .zero)
    // 3 × 1 s + (256 − 100)/256 s = 3.609375 s
    #expect(start == [
        .log("(VI_1) Entering BACKUP STATE (init)"),
        .transition(from: .initialize, to: .backup),
        .armTimer(at: at(3.609375), generation: 1),
    ])
    let actions = fire(&r)
    #expect(actions == [
        .sendAdvertisement(Priority(100)),
        .log("(VI_1) Entering MASTER STATE"),
        .addAddresses,
        .announceAddresses(count: 5),
        .transition(from: .backup, to: .master),
        .armAnnounceTimer(at: at(8.609375), count: 5),
        .armTimer(at: at(4.609375), generation: 2),
    ])
    #expect(r.state == .master)
    #expect(fire(&r) == [.sendAdvertisement(Priority(100)), .armTimer(at: at(5.609375), generation: 3)])
}

@Test func addressOwnerWantingMasterTakesOverAtOnce() {
    var r = router(priority: 255, master: true)
    #expect(r.handle(.start(isUp: true), now: .zero) == [.armTimer(at: Instant(microseconds: 1), generation: 1)])
    #expect(fire(&r).first == .sendAdvertisement(.owner))
    #expect(r.state == .master)
}

@Test func stateMasterBelowOwnerWaitsMasterDownIntervalUnlessItsGroupStartsAsBackup() {
    // keepalived 2.2.7: on its own, `state MASTER` below 255 waits like a backup (3 × 1 s + 156/256 s)...
    var alone = router(priority: 100, master: true)
    #expect(alone.handle(.start(isUp: true), now: .zero).last == .armTimer(at: at(3.609375), generation: 1))
    // ...in a sync group starting in BACKUP, one advert interval + skew at priority 1 (1/256 s).
    var member = router(priority: 100, master: true)
    #expect(member.handle(.start(isUp: true, groupBackup: true), now: .zero).last == .armTimer(at: at(1.00390625), generation: 1))
}

@Test func masterYieldsToHigherPriority() {
    var r = router()
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    let actions = r.handle(advert(150), now: at(4))
    #expect(actions == [
        .log("(VI_1) Master received advert from 10.0.0.2 with higher priority 150, ours 100"),
        .log("(VI_1) Entering BACKUP STATE"),
        .removeAddresses,
        .transition(from: .master, to: .backup),
        .armTimer(at: at(7.609375), generation: 3),
    ])
    #expect(r.statistics.releaseMaster == 1)
}

@Test func masterAnswersLowerPriorityWithAnAdvert() {
    var r = router(priority: 200)
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    let actions = r.handle(advert(100), now: at(4))
    #expect(actions.contains(.sendAdvertisement(Priority(200))))
    #expect(r.state == .master)
}

@Test func equalPriorityTieBreakUsesTheHigherAddress() {
    var r = router(priority: 100)
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    // peer 10.0.0.2 > us 10.0.0.1: we yield.
    _ = r.handle(advert(100), now: at(4))
    #expect(r.state == .backup)
}

@Test func backupReceivingPriorityZeroTakesOverAfterSkewTime() {
    var r = router()
    _ = r.handle(.start(isUp: true), now: .zero)
    let actions = r.handle(advert(0), now: at(1))
    #expect(actions == [.armTimer(at: at(1.609375), generation: 2)])
}

@Test func preemptingBackupDiscardsLowerPriorityAdverts() {
    var r = router(priority: 150)
    _ = r.handle(.start(isUp: true), now: .zero)
    let actions = r.handle(advert(100), now: at(1))
    #expect(actions == [.log("(VI_1) received lower priority (100) advert from 10.0.0.2 - discarding")])
    _ = fire(&r)
    #expect(r.state == .master)
}

@Test func nopreemptBackupStaysBackup() {
    var r = router(priority: 150, noPreempt: true)
    _ = r.handle(.start(isUp: true), now: .zero)
    // Accepted: the down timer restarts from now (3 s + (256-150)/256 s).
    #expect(r.handle(advert(100), now: at(1)) == [.armTimer(at: at(4.4140625), generation: 2)])
    #expect(r.masterPriority == Priority(100))
}

@Test func preemptDelayHoldsBackUntilItExpires() {
    var r = router(priority: 150, preemptDelay: 10_000_000)
    _ = r.handle(.start(isUp: true), now: .zero)
    // Within the delay the lower-priority master is accepted (timer restarts).
    #expect(r.handle(advert(100), now: at(1)).count == 1)
    #expect(r.handle(advert(100), now: at(10.5)).count == 1)
    // After it, discarded.
    #expect(r.handle(advert(100), now: at(11.5)).first == .log("(VI_1) received lower priority (100) advert from 10.0.0.2 - discarding"))
}

@Test func version3BackupAdoptsTheMastersInterval() {
    var r = router(priority: 100, version: .v3)
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = r.handle(advert(200, version: .v3, interval: 50), now: at(1))
    #expect(r.masterAdvertisementInterval == 500_000)
    // 3 × 0.5 s + (156 × 50 cs)/256 = 1.5 + 0.3046875
    #expect(r.deadline == at(2.8046875))
}

@Test func faultFromMasterSendsPriorityZeroAndReleases() {
    var r = router()
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    #expect(r.handle(.faultChanged(isFaulty: true), now: at(5)) == [
        .log("(VI_1) Entering FAULT STATE"),
        .sendAdvertisement(.releasingMastership),
        .removeAddresses,
        .transition(from: .master, to: .fault),
        .cancelTimer,
    ])
    #expect(r.handle(.faultChanged(isFaulty: false), now: at(6)) == [
        .log("(VI_1) Entering BACKUP STATE"),
        .transition(from: .fault, to: .backup),
        .armTimer(at: at(9.609375), generation: 4),
    ])
}

@Test func startingFaultyEntersFault() {
    var r = router()
    #expect(r.handle(.start(isUp: false), now: .zero) == [
        .log("(VI_1) Entering FAULT STATE (init)"), .transition(from: .initialize, to: .fault), .cancelTimer,
    ])
    #expect(r.handle(advert(200), now: at(1)).isEmpty)
}

@Test func stopFromMasterReleasesWithPriorityZero() {
    var r = router()
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    #expect(r.handle(.stop, now: at(5)) == [
        .sendAdvertisement(.releasingMastership), .removeAddresses, .cancelTimer, .transition(from: .master, to: .stop),
    ])
    #expect(r.statistics.priorityZeroSent == 1)
}

@Test func staleTimerExpiriesAreIgnored() {
    var r = router()
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = r.handle(advert(200), now: at(1))
    #expect(r.handle(.timerExpired(generation: 1), now: at(3.7)).isEmpty)
    #expect(r.state == .backup)
}

@Test func aMasterHearingALowerPriorityAnswersAndRefreshesTheNeighboursTwice() {
    var configuration = VirtualRouterConfiguration(name: "VI_1", vrid: VRID(51), basePriority: Priority(150), sourceAddress: us)
    configuration.garpLowerPriorityRepeat = 2
    configuration.garpLowerPriorityDelay = 1_000_000
    var r = VirtualRouter(configuration)
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    #expect(r.state == .master)
    let actions = r.handle(advert(50), now: at(4))
    #expect(actions == [
        .log("(VI_1) Received advert from 10.0.0.2 with lower priority 50, ours 150, forcing new election"),
        .sendAdvertisement(Priority(150)),
        .armTimer(at: at(5), generation: r.currentGeneration),
        .announceAddresses(count: 2),
        .armAnnounceTimer(at: at(5), count: 2),
        .masterReceivedLowerPriority,
    ])
}
