import Foundation
import Testing
import KeepalivedTestSupport

/// SNMP SET through net-snmp's snmpd (community `private`), compared with keepalived 2.2.7 under its
/// own snmpd: the same snmpsets give the same answers and move the VIP the same way.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and net-snmp: \(Lab.availability)"))
struct SNMPSetTests {
    typealias F = VRRPFixtures
    static let instance = ".1.3.6.1.4.1.9586.100.5.2.3.1"

    struct Observed {
        /// What each snmpset printed, in order.
        var answers: [String]
        /// vrrpInstanceState, base and effective priority, and preempt after each step.
        var cells: [[String]]
        var output: String
    }

    /// Router 1 runs `implementation` (priority 150) under its snmpd; router 2 runs keepalived 2.2.7
    /// at 100. A manager lowers router 1's base priority below 100 (the VIP moves to router 2),
    /// turns preemption off and raises it again (the VIP stays), then turns preemption on (it comes
    /// back); the refused SETs in between change nothing; a reload restores the configuration.
    static func observe(_ implementation: F.Implementation, in lab: Lab) throws -> Observed {
        let (router, peer) = (lab.router(1), lab.router(2))
        let station = try SNMPStation(router, directory: lab.directory + "/snmp-set-\(implementation)")
        let snmpd = try station.startAgent()
        defer { _ = snmpd.stop() }
        #expect(station.waitUntilListening())
        let global = "global_defs {\n  router_id lab1\n  enable_snmp_vrrp\n  snmp_socket unix:\(station.agentXSocket)\n}\n"
        let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 150))
        defer { _ = daemon.stop() }
        let backup = try F.start(.debian, in: peer, config: F.config(priority: 100))
        defer { _ = backup.stop() }
        let handover = F.masterDownInterval(priority: 100) + 2 * F.slack
        #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 2 * F.slack) != nil,
                "\(implementation) never became master:\n\(daemon.output)")
        #expect(SNMPStation.waitFor(atMost: 10) { station.answers("\(instance).7.1") } != nil, "no MIB:\n\(daemon.output)")
        var observed = Observed(answers: [], cells: [], output: "")
        func set(_ column: Int, _ type: String, _ value: String) throws {
            observed.answers.append(try station.set("\(instance).\(column).1", type, value))
        }
        func record() throws {
            observed.cells.append(try [4, 7, 8, 13].flatMap { try station.walk("\(instance).\($0)") })
        }

        try set(7, "i", "50")
        #expect(F.waitUntil(peer, holds: F.vip4, atMost: handover) != nil, "\(implementation): the VIP never moved:\n\(daemon.output)")
        #expect(F.waitUntil(router, holds: F.vip4, false, atMost: 2) != nil)
        #expect(SNMPStation.waitFor(atMost: 2) { ((try? station.walk("\(instance).4")) ?? []).first?.hasSuffix("INTEGER: 1") == true } != nil)
        try record()
        // Refused: wrong type, wrong values, read-only and missing objects.
        try set(7, "s", "x")
        try set(7, "i", "0")
        try set(13, "i", "3")
        try set(8, "i", "100")
        try set(28, "i", "1")
        observed.answers.append(try station.set("\(instance).7.9", "i", "100"))
        observed.answers.append(try station.set(".1.3.6.1.4.1.9586.100.5.1.1.0", "s", "x"))
        try set(13, "i", "2")
        try set(7, "i", "200")
        // Without preemption the higher priority waits as backup.
        #expect(F.waitUntil(router, holds: F.vip4, atMost: handover) == nil, "\(implementation) preempted with nopreempt")
        try record()
        try set(13, "i", "1")
        #expect(F.waitUntil(router, holds: F.vip4, atMost: handover) != nil, "\(implementation) did not preempt:\n\(daemon.output)")
        try record()
        // A reload goes back to the configuration's priority 150 and preemption.
        daemon.send(SIGHUP)
        #expect(SNMPStation.waitFor(atMost: 5) { ((try? station.walk("\(instance).7")) ?? []) == ["\(instance).7.1 = INTEGER: 150"] } != nil,
                "\(implementation) kept the SET across a reload:\n\(daemon.output)")
        try record()
        observed.output = daemon.output
        return observed
    }

    @Test func basePriorityAndPreemptAsKeepalived() throws {
        F.checkPrerequisites()
        let (theirs, ours) = try Lab.withLab(routers: 2) { lab in
            (try Self.observe(.debian, in: lab), try Self.observe(.ours, in: lab))
        }
        #expect(theirs.answers.count == 11)
        #expect(ours.answers == theirs.answers, "keepalived 2.2.7:\n\(theirs.answers.joined(separator: "\n"))\nours:\n\(ours.answers.joined(separator: "\n"))")
        #expect(theirs.answers.first == "\(Self.instance).7.1 = INTEGER: 50")
        #expect(theirs.answers[1].contains("wrongType") && theirs.answers[4].contains("notWritable"))
        #expect(ours.cells == theirs.cells, "keepalived 2.2.7: \(theirs.cells)\nours: \(ours.cells)")
        #expect(theirs.cells.count == 4 && theirs.cells.last == ["\(Self.instance).4.1 = INTEGER: 2", "\(Self.instance).7.1 = INTEGER: 150",
                                                                  "\(Self.instance).8.1 = INTEGER: 150", "\(Self.instance).13.1 = INTEGER: 1"])
        #expect(theirs.cells.first == ["\(Self.instance).4.1 = INTEGER: 1", "\(Self.instance).7.1 = INTEGER: 50",
                                       "\(Self.instance).8.1 = INTEGER: 50", "\(Self.instance).13.1 = INTEGER: 1"])
        for line in ["(VI_1) base priority changed from 150 to 50 via SNMP.", "(VI_1) Changing effective priority from 150 to 50",
                     "(VI_1) preemption disabled with SNMP", "(VI_1) base priority changed from 50 to 200 via SNMP.",
                     "(VI_1) preemption enabled with SNMP"] {
            #expect(theirs.output.contains(line) && ours.output.contains(line), "\(line)\nours:\n\(ours.output)")
        }
    }
}
