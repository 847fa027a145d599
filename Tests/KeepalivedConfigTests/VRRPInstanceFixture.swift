import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

// Shared by the vrrp_instance test files: the lab's interfaces and ways to load a configuration.

enum VRRPInstanceFixture {
    static let path = "/etc/keepalived/keepalived.conf"
    static let labInterfaces = [
        HostInterface(name: "lo", index: 1, isLoopback: true), HostInterface(name: "eth0", index: 2),
        HostInterface(name: "eth1", index: 3), HostInterface(name: "ifb0", index: 4, supportsMulticast: false),
    ]

    /// The full loader, as `keepalived -t` would run it.
    static func load(_ text: String) -> LoadedConfiguration {
        ConfigLoader.load(.init(configFile: path, configID: "lab1"), host: InMemoryHost(files: [path: text], interfaces: labInterfaces))
    }

    /// Parses, lets the test add what other areas would have parsed (trackers, sync groups, VIPs),
    /// then runs the VRRP checks.
    static func check(
        _ text: String, before: (inout Configuration) -> Void = { _ in }, vips: [String] = [],
        after: (inout Configuration) -> Void = { _ in }
    ) -> (config: Configuration, diagnostics: [Diagnostic]) {
        let host = InMemoryHost(files: [path: text], interfaces: labInterfaces)
        let parser = ConfigParser(host: host, configID: "lab1", includeCheck: [])
        parser.reportUnsupported = false
        before(&parser.config)
        #expect(parser.reader.openMain(path))
        parser.process(RootKeywords.table, needBlockStart: false)
        var config = parser.config
        for i in config.vrrpInstances.indices where config.vrrpInstances[i].virtualAddresses.isEmpty {
            config.vrrpInstances[i].virtualAddresses = vips.map { VirtualAddress(prefix: IPPrefix($0)!, location: config.vrrpInstances[i].location) }
            if let first = vips.first, config.vrrpInstances[i].family == nil { config.vrrpInstances[i].family = IPPrefix(first)!.address.family }
        }
        after(&config)
        VRRPValidation.validate(&config, ValidationContext(host: host, report: { parser.report($0) }))
        return (config, parser.collectDiagnostics())
    }

    /// The diagnostics keepalived also reports (message, line or 0, class).
    static func classed(_ diagnostics: [Diagnostic]) -> [(String, Int, ConfigErrorClass)] {
        diagnostics.compactMap { d in d.keepalivedClass.map { (d.message, d.location?.line ?? 0, $0) } }
    }
}
