/// The generic `-d` printer over small value types shaped like the configuration model.
import KeepalivedConfig
import Testing
@testable import KeepalivedDaemon

private struct Priority: CustomStringConvertible {
    var value: UInt8
    var description: String { "\(value)" }
}

private enum State { case backup, master }

private enum Authentication {
    case none
    case password(String)
    case detailed(kind: Int, secret: String, extra: [Int])
}

private struct Instance {
    var name: String
    var location: KeepalivedConfig.SourceLocation
    var priority: Priority
    var state: State
    var interface: String?
    var addresses: [String]
    var tags: Set<String>
    var weights: [String: Int]
    var authentication: Authentication
    var enabled: Bool
}

private struct Model {
    var instances: [Instance]
    var empty: [Int]
    var where_: KeepalivedConfig.SourceLocation
}

@Suite struct ConfigDumpTests {
    private static let instance = Instance(
        name: "VI_1", location: KeepalivedConfig.SourceLocation(file: "/etc/k.conf", line: 4, column: 1), priority: Priority(value: 100),
        state: .master, interface: nil, addresses: ["10.0.0.1/24", "10.0.0.2"], tags: ["b", "a"],
        weights: ["y": 2, "x": 1], authentication: .password("secret"), enabled: true)

    @Test func nestedKeyValueLines() {
        let model = Model(instances: [Self.instance], empty: [], where_: KeepalivedConfig.SourceLocation(file: "/k", line: 1))
        #expect(ConfigDump.lines(model, name: "config") == [
            "config:  (/k:1:1)",
            "  instances[0]:  (/etc/k.conf:4:1)",
            "    name = VI_1",
            "    priority = 100",
            "    state = master",
            "    addresses[0] = 10.0.0.1/24",
            "    addresses[1] = 10.0.0.2",
            "    tags[0] = a",
            "    tags[1] = b",
            "    weights[x] = 1",
            "    weights[y] = 2",
            "    authentication = password(secret)",
            "    enabled = true",
        ])
    }

    @Test func enumPayloadsThatAreNotSimpleAreNested() throws {
        var instance = Self.instance
        instance.authentication = .detailed(kind: 2, secret: "s", extra: [7])
        let lines = ConfigDump.lines(instance, name: "i")
        let start = try #require(lines.firstIndex(of: "  authentication = detailed"))
        #expect(Array(lines[(start + 1)...].prefix(3)) == ["    kind = 2", "    secret = s", "    extra[0] = 7"])
        instance.authentication = .none
        #expect(ConfigDump.lines(instance, name: "i").contains("  authentication = none"))
    }

    @Test func wholeConfigurationDumpsItsTopLevelFields() {
        let lines = ConfigDump.lines(of: Configuration())
        #expect(lines.first == "global:")
        #expect(!lines.contains { $0.hasPrefix("vrrpInstances") })
    }
}
