// net-snmp's snmpd and snmptrapd in a lab namespace, for the SNMP tests, the demo and the benchmarks.
import Foundation

/// net-snmp's snmpd (the AgentX master) and snmptrapd in a lab namespace, and snmpwalk against them.
/// Everything listens on the namespace's own loopback; files live in the lab directory.
public struct SNMPStation: Sendable {
    public let namespace: LabNamespace
    public let directory: String
    /// snmpd's UDP port on the namespace's loopback.
    public static let agentPort = 16161
    /// snmptrapd's UDP port on the namespace's loopback (snmpd's trap2sink).
    public static let trapPort = 16162

    /// The AgentX socket our daemon and keepalived connect to (`snmp_socket unix:PATH`).
    public var agentXSocket: String { directory + "/agentx.sock" }
    public var trapLog: String { directory + "/traps.txt" }

    public init(_ namespace: LabNamespace, directory: String) throws {
        self.namespace = namespace
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try """
            master agentx
            agentXSocket \(directory)/agentx.sock
            agentaddress udp:127.0.0.1:\(Self.agentPort)
            rocommunity public 127.0.0.1
            rwcommunity private 127.0.0.1
            trap2sink 127.0.0.1:\(Self.trapPort) public
            """.write(toFile: directory + "/snmpd.conf", atomically: true, encoding: .utf8)
        try """
            disableAuthorization yes
            snmpTrapdAddr udp:127.0.0.1:\(Self.trapPort)
            """.write(toFile: directory + "/snmptrapd.conf", atomically: true, encoding: .utf8)
    }

    /// Starts snmpd in the foreground with only our configuration.
    public func startAgent() throws -> LabProcess {
        try namespace.start(["snmpd", "-f", "-Lo", "-C", "-c", directory + "/snmpd.conf", "-m", "", "-p", directory + "/snmpd.pid"],
                            name: "snmpd")
    }

    /// Waits until the started snmpd listens on its AgentX socket (a subagent started earlier than that
    /// may not retry for a while: keepalived 2.2.7 waits 15 s). False when `timeout` passes first.
    public func waitUntilListening(timeout: Double = 10) -> Bool {
        Self.waitFor(atMost: timeout, interval: 0.02) { FileManager.default.fileExists(atPath: agentXSocket) }
            != nil
    }

    /// Starts snmptrapd writing one line of varbinds per notification to `trapLog`.
    public func startTrapReceiver() throws -> LabProcess {
        let receiver = try namespace.start(
            ["snmptrapd", "-f", "-Lf", trapLog, "-C", "-c", directory + "/snmptrapd.conf", "-m", "", "-On", "-F", "%v\n"],
            name: "snmptrapd")
        usleep(300_000)
        return receiver
    }

    /// `snmpwalk -On` of `root` (numeric OIDs, no MIBs): one `OID = TYPE: value` line per object.
    public func walk(_ root: String, timeout: Int = 2) throws -> [String] {
        let result = try namespace.run(
            ["snmpwalk", "-v2c", "-c", "public", "-On", "-m", "", "-t", String(timeout), "-r", "0",
             "127.0.0.1:\(Self.agentPort)", root], timeout: .seconds(30))
        return result.standardOutput.split(separator: "\n").map(String.init)
    }

    /// `snmpset -v2c -c private` of one `oid TYPE value` (snmpset's type letters: `i`, `u`, `s`, ...):
    /// what snmpset prints, its error lines included.
    public func set(_ oid: String, _ type: String, _ value: String) throws -> String {
        let result = try namespace.run(
            ["snmpset", "-v2c", "-c", "private", "-On", "-m", "", "-t", "2", "-r", "0", "127.0.0.1:\(Self.agentPort)", oid, type, value],
            timeout: .seconds(30))
        return (result.standardOutput + result.standardError).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The three subtrees keepalived serves, walked one after the other.
    public func walkKeepalivedSubtrees() throws -> [String] {
        try ["1.3.6.1.4.1.9586.100.5", "1.3.6.1.2.1.68", "1.3.6.1.2.1.207"].flatMap { try walk($0) }
    }

    /// Whether `oid` answers with a value (not "No Such Object/Instance", not a timeout).
    public func answers(_ oid: String) -> Bool {
        guard let result = try? namespace.run(
            ["snmpget", "-v2c", "-c", "public", "-On", "-m", "", "-t", "1", "-r", "0", "127.0.0.1:\(Self.agentPort)", oid],
            timeout: .seconds(10)) else { return false }
        return result.status == 0 && result.standardOutput.contains(" = ") && !result.standardOutput.contains("No Such")
    }

    /// The notifications received so far: the varbinds after sysUpTime.0, tab-separated.
    public func traps() -> [String] {
        let text = (try? String(contentsOfFile: trapLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(".1.3.6.1.2.1.1.3.0") else { return nil }
            return line.split(separator: "\t").dropFirst().joined(separator: "\t")
        }.filter { !$0.contains(".1.3.6.1.4.1.8072.") && !$0.contains(".1.3.6.1.6.3.1.1.5.") }
    }
}

extension SNMPStation {
    /// The ping interval is 1 s, so the MIBs are back within about 1.1 s (make bench measures it); the
    /// tests allow for a loaded machine and still fail on keepalived-like waits of 15 s or more.
    public static let reconnectBound = 5.0

    /// A walk with the values that legitimately differ between two runs masked: time stamps and up-times.
    public static func masked(_ lines: [String]) -> [String] {
        lines.map { line in
            line.contains("= Timeticks:") ? String(line[..<line.range(of: "= Timeticks:")!.upperBound]) + " *" : line
        }
    }

    /// Polls until `condition` holds or `limit` seconds pass; the time it took, or nil.
    public static func waitFor(atMost limit: Double, interval: Double = 0.1, _ condition: () -> Bool) -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            if condition() {
                let elapsed = clock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
            if clock.now - start > .milliseconds(Int(limit * 1000)) { return nil }
            usleep(UInt32(interval * 1_000_000))
        }
    }
}
