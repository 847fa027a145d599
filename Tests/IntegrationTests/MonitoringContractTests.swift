import Foundation
import Testing
import KeepalivedTestSupport

/// The logic of the NMS checks in the monitoring contract, replayed against our agent under snmpd:
/// what they poll must be there, with the types and values they expect.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and net-snmp: \(Lab.availability)"))
struct MonitoringContractTests {
    typealias F = VRRPFixtures
    static let keepalived = ".1.3.6.1.4.1.9586.100.5"

    /// `OID = TYPE: value` lines into (OID, type, value).
    static func parse(_ lines: [String]) -> [(oid: String, type: String, value: String)] {
        lines.compactMap { line in
            guard let equals = line.range(of: " = ") else { return nil }
            let rest = line[equals.upperBound...]
            guard let colon = rest.range(of: ": ") else { return (String(line[..<equals.lowerBound]), "", String(rest)) }
            return (String(line[..<equals.lowerBound]), String(rest[..<colon.lowerBound]), String(rest[colon.upperBound...]))
        }
    }

    @Test func existingChecksWorkAgainstOurAgent() throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp")
            let snmpd = try station.startAgent()
            defer { _ = snmpd.stop() }
            let daemon = try F.start(.ours, in: router, config: SNMPAgentTests.config(socket: station.agentXSocket))
            let settled = SNMPStation.waitFor(atMost: F.masterDownInterval(priority: 90) + 2 * F.slack) {
                ((try? station.walk(Self.keepalived + ".2.3.1.4")) ?? []).filter { $0.hasSuffix("INTEGER: 2") }.count == 3
            }
            #expect(settled != nil, "never settled:\n\(daemon.output)")

            // Checkmk: sysDescr mentions Linux and KEEPALIVED-MIB::version.0 exists.
            let sysDescr = try station.walk(".1.3.6.1.2.1.1.1.0").joined()
            #expect(sysDescr.lowercased().contains("linux"))
            #expect(station.answers(Self.keepalived + ".1.1.0"))

            // Zabbix: discovery over vrrpInstanceName, then state and wanted state per {#SNMPINDEX};
            // FAULT(3) is HIGH, UNKNOWN(4) WARNING, state <> wanted a mismatch.
            let names = Self.parse(try station.walk(Self.keepalived + ".2.3.1.2"))
            #expect(names.map(\.value) == ["\"VI_1\"", "\"VI_2\"", "\"VI_3\""])
            for name in names {
                let index = String(name.oid.split(separator: ".").last!)
                let state = Self.parse(try station.walk(Self.keepalived + ".2.3.1.4.\(index)")).first
                let wanted = Self.parse(try station.walk(Self.keepalived + ".2.3.1.6.\(index)")).first
                #expect(state?.type == "INTEGER" && state?.value == "2", "\(name.value) state \(String(describing: state))")
                #expect(state?.value == wanted?.value, "\(name.value): state and wanted state differ")
            }

            // MonitoringPlug check_keepalived_vrrp: vrid is Gauge32, state and initial state INTEGER.
            #expect(Self.parse(try station.walk(Self.keepalived + ".2.3.1.3")).allSatisfy { $0.type == "Gauge32" })
            #expect(Self.parse(try station.walk(Self.keepalived + ".2.3.1.5")).allSatisfy { $0.type == "INTEGER" })

            // Checkmk pairs vrrpAddressValue rows with instances by position: one row per VIP, in instance order.
            let addresses = Self.parse(try station.walk(Self.keepalived + ".2.6.1.3"))
            #expect(addresses.map(\.oid).map { $0.split(separator: ".").suffix(2).joined(separator: ".") } == ["1.1", "1.2", "2.1", "3.1"])
            #expect(addresses.allSatisfy { $0.type == "Hex-STRING" })

            // Centreon vrrpstatus: columns up to 10 of vrrpInstanceTable; state eq wanted, primary interface named.
            let table = Self.parse(try station.walk(Self.keepalived + ".2.3.1"))
            #expect(table.filter { $0.oid.hasPrefix(Self.keepalived + ".2.3.1.10.") }.map(\.value) == Array(repeating: "\"eth0\"", count: 3))

            // Nagios check_keepalived_vrrp: every vrrpScriptResult is good(3).
            let scripts = Self.parse(try station.walk(Self.keepalived + ".2.9.1.6"))
            #expect(!scripts.isEmpty && scripts.allSatisfy { $0.value == "3" })

            // manubulon check_snmp_vrrp (RFC 2787): every VRID master(3) and admin up(1).
            let operState = Self.parse(try station.walk(".1.3.6.1.2.1.68.1.3.1.3"))
            let adminState = Self.parse(try station.walk(".1.3.6.1.2.1.68.1.3.1.4"))
            #expect(operState.count == 2 && operState.allSatisfy { $0.value == "3" })
            #expect(adminState.count == 2 && adminState.allSatisfy { $0.value == "1" })

            // Nagios: "No Such Object" on version.0 means keepalived is not running.
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            let after = try router.run(["snmpget", "-v2c", "-c", "public", "-On", "-m", "", "-t", "1", "-r", "0",
                                        "127.0.0.1:\(SNMPStation.agentPort)", Self.keepalived + ".1.1.0"]).standardOutput
            #expect(after.contains("No Such Object"), "after stop: \(after)")
        }
    }
}
