import Testing
@testable import VRRPCore

/// The AH sequence counter as the state machine drives it (keepalived 2.2.7's rules).
private func ahRouter(priority: UInt8 = 100) -> VirtualRouter {
    VirtualRouter(VirtualRouterConfiguration(
        name: "VI_1", vrid: VRID(51), basePriority: Priority(priority), sourceAddress: [10, 0, 0, 1], ipsecAH: true))
}

private func ahAdvert(_ priority: UInt8, sequence: UInt32) -> VirtualRouter.Input {
    var advert = Advertisement(
        version: .v2, vrid: VRID(51), priority: Priority(priority), addresses: [[10, 0, 0, 100]], interval: 1, authenticationType: .ipsecAH)
    advert.ipsecAHSequenceNumber = sequence
    return .advertisementReceived(advert, source: [10, 0, 0, 2])
}

private func fire(_ router: inout VirtualRouter) -> [VirtualRouter.Action] {
    guard let deadline = router.deadline else { return [] }
    return router.handle(.timerExpired(generation: router.currentGeneration), now: deadline)
}

private func sent(_ actions: [VirtualRouter.Action]) -> [UInt32?] {
    actions.compactMap { if case let .sendAdvertisement(_, sequence) = $0 { sequence } else { nil } }
}

@Test func aMasterNumbersEveryAdvertItSends() {
    var r = ahRouter()
    _ = r.handle(.start(isUp: true), now: .zero)
    #expect(sent(fire(&r)) == [1])
    #expect(sent(fire(&r)) == [2])
    #expect(fire(&r).first == .sendAdvertisement(Priority(100), sequenceNumber: 3))
}

@Test func aBackupContinuesFromTheMastersNumberWhenItTakesOver() {
    var r = ahRouter()
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = r.handle(ahAdvert(200, sequence: 41), now: Instant(microseconds: 1_000_000))
    #expect(r.ipsecAHSequence.sequenceNumber == 41)
    #expect(sent(fire(&r)) == [42])
}

@Test func aMasterAnswersALowerPriorityRouterPastItsNumber() {
    var r = ahRouter()
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    let actions = r.handle(ahAdvert(50, sequence: 900), now: Instant(microseconds: 4_000_000))
    #expect(actions.contains(.log("(VI_1) IPSEC-AH : Syncing seq_num - Increment seq")))
    #expect(sent(actions) == [902])
}

@Test func aRouterWithoutAHSendsNoSequenceNumber() {
    var r = VirtualRouter(VirtualRouterConfiguration(name: "VI_1", vrid: VRID(51), sourceAddress: [10, 0, 0, 1]))
    _ = r.handle(.start(isUp: true), now: .zero)
    #expect(sent(fire(&r)) == [nil])
}

@Test func aReloadKeepsTheCounter() {
    var r = ahRouter()
    _ = r.handle(.start(isUp: true), now: .zero)
    _ = fire(&r)
    _ = fire(&r)
    var reloaded = VirtualRouter(ahRouter(priority: 120).configuration, continuing: r)
    #expect(sent(fire(&reloaded)) == [3])
}
