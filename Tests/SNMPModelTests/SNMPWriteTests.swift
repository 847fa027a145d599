import Testing
@testable import SNMPModel

/// SET checks against keepalived 2.2.7's write methods (vrrp_snmp.c, check_snmp.c), with the errors
/// its subagent gave snmpset under snmpd in the lab.
@Suite struct SNMPWriteTests {
    let vrrp = KeepalivedMIB.view(Fixtures.status)
    let check = KeepalivedMIB.view(SNMPStatus(routerId: "lb1", checker: CheckMIBTests.checker))
    let instance = "1.3.6.1.4.1.9586.100.5.2.3.1"
    let realServer = "1.3.6.1.4.1.9586.100.5.3.4.1"

    func request(_ dotted: String, _ integer: Int?, in view: MIBView? = nil) -> Result<SNMPWrite, SNMPWrite.Refusal> {
        SNMPWrite.request(OID(dotted)!, integer: integer, in: view ?? vrrp)
    }

    @Test func basePriorityTakesTheLowByteAndRefusesZero() {
        #expect(request("\(instance).7.2", 120) == .success(.basePriority(instance: "VI_2", priority: 120)))
        #expect(request("\(instance).7.1", 300) == .success(.basePriority(instance: "VI_1", priority: 44)))
        #expect(request("\(instance).7.1", 255) == .success(.basePriority(instance: "VI_1", priority: 255)))
        #expect(request("\(instance).7.1", 0) == .failure(.wrongValue))
        #expect(request("\(instance).7.1", 256) == .failure(.wrongValue))
        #expect(request("\(instance).7.1", nil) == .failure(.wrongType))
    }

    @Test func preemptIsOneOrTwo() {
        #expect(request("\(instance).13.1", 2) == .success(.preempt(instance: "VI_1", enabled: false)))
        #expect(request("\(instance).13.1", 257) == .success(.preempt(instance: "VI_1", enabled: true)))
        for value in [0, 3, -1] { #expect(request("\(instance).13.1", value) == .failure(.wrongValue)) }
        #expect(request("\(instance).13.1", nil) == .failure(.wrongType))
    }

    @Test func acceptIsRefusedAsDebiansBuildRefusesIt() {
        #expect(request("\(instance).27.3", 1) == .failure(.noAccess))      // VI_6, VRRPv3
        #expect(request("\(instance).27.3", nil) == .failure(.noAccess))
        #expect(request("\(instance).27.1", 1) == .failure(.notWritable))   // VRRPv2
    }

    @Test func everythingElseIsNotWritable() {
        for dotted in ["\(instance).7.9", "\(instance).2.1", "\(instance).8.1", "\(instance).28.1", "\(instance).29.1",
                       "\(instance).33.1", "\(instance).99.1", "1.3.6.1.4.1.9586.100.5.1.1.0", "1.3.6.1.2.1.68.1.3.1.3.2.51",
                       "\(instance).7"] {
            #expect(request(dotted, 1) == .failure(.notWritable), "\(dotted)")
        }
    }

    @Test func realServerWeightSkipsTheSorryServer() {
        #expect(request("\(realServer).7.1.2", 5, in: check) == .success(.realServerWeight(virtualServer: 0, realServer: 0, weight: 5)))
        #expect(request("\(realServer).7.1.3", 300, in: check) == .success(.realServerWeight(virtualServer: 0, realServer: 1, weight: 44)))
        #expect(request("\(realServer).7.2.1", 0, in: check) == .success(.realServerWeight(virtualServer: 1, realServer: 0, weight: 0)))
        #expect(request("\(realServer).7.1.2", nil, in: check) == .failure(.wrongType))
        #expect(request("\(realServer).7.1.1", 5, in: check) == .failure(.notWritable))   // the sorry server
        #expect(request("\(realServer).7.1.9", 5, in: check) == .failure(.notWritable))
        #expect(request("\(realServer).6.1.2", 1, in: check) == .failure(.notWritable))
    }
}
