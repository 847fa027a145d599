import Foundation
import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// Loads `text` as /etc/keepalived/keepalived.conf, with extra files on the host.
private func load(_ text: String, files: [String: String] = [:]) -> LoadedConfiguration {
    var host = InMemoryHost(files: ["/etc/keepalived/keepalived.conf": text])
    for (path, content) in files { host.add(path, content) }
    return ConfigLoader.load(
        .init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false), host: host)
}

/// The diagnostics keepalived would count, as (line, class, message).
private func errors(_ loaded: LoadedConfiguration) -> [(Int, ConfigErrorClass, String)] {
    loaded.diagnostics.compactMap { d in d.keepalivedClass.map { (d.location?.line ?? 0, $0, d.message) } }
}

private let samples = "/usr/share/doc/keepalived/samples"

/// A Debian sample's text without the blocks other parts of the configuration own (global_defs,
/// vrrp_*), so this suite judges only the checker half.
private func checkerPart(of sample: String) throws -> String {
    let text = try String(contentsOfFile: "\(samples)/keepalived.conf.\(sample)", encoding: .utf8)
    var out: [String] = []
    var depth = 0
    var skipping = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if depth == 0 {
            skipping = !(trimmed.hasPrefix("virtual_server") || trimmed.hasPrefix("SSL"))
        }
        let code = line.prefix { $0 != "#" && $0 != "!" }
        depth += code.filter { $0 == "{" }.count - code.filter { $0 == "}" }.count
        out.append(skipping ? "" : String(line))
    }
    return out.joined(separator: "\n")
}

private let samplesPresent = FileManager.default.fileExists(atPath: "\(samples)/keepalived.conf.HTTP_GET.port")

// MARK: - Debian samples

@Suite(.enabled(if: samplesPresent, "Debian's keepalived samples are not installed"))
struct CheckerSampleTests {
    @Test(arguments: [
        "HTTP_GET.port", "SSL_GET", "SMTP_CHECK", "UDP_CHECK", "PING_CHECK", "misc_check", "misc_check_arg", "quorum",
        "status_code", "virtual_server_group", "virtualhost", "inhibit", "sample", "IPv6",
    ])
    func sampleLoadsWithoutErrors(_ sample: String) throws {
        let loaded = load(try checkerPart(of: sample))
        #expect(errors(loaded).isEmpty, "\(errors(loaded))")
        #expect(loaded.configTestExitCode == 0)
        #expect(!loaded.configuration.virtualServers.isEmpty)
    }

    @Test func fwmarkSampleWarnsAboutItsProtocolLikeKeepalived() throws {
        let loaded = load(try checkerPart(of: "fwmark"))
        #expect(errors(loaded).map(\.2) == ["Warning: Virtual server FWM 1: protocol specified for fwmark - protocol will be ignored"])
        #expect(loaded.configTestExitCode == 5)
        let vs = try #require(loaded.configuration.virtualServers.first)
        #expect(vs.service == .fwmark(1))
        #expect(vs.serviceProtocol == nil)
    }

    @Test func httpGetPortSample() throws {
        let vs = try #require(load(try checkerPart(of: "HTTP_GET.port")).configuration.virtualServers.first)
        #expect(vs.service == .address(IPAddress("192.168.200.100")!, port: 443))
        #expect(vs.delayLoop == 6_000_000)
        #expect(vs.scheduler == .rr)
        #expect(vs.forwarding == ForwardingMethod(kind: .nat))
        #expect(vs.persistenceTimeout == 50)
        #expect(vs.serviceProtocol == .tcp)
        let rs = try #require(vs.realServers.first)
        #expect(rs.address == IPAddress("192.168.201.100"))
        #expect(rs.port == 443)
        #expect(rs.weight == 1)
        let checker = try #require(rs.checkers.first)
        guard case let .ssl(http) = checker.probe else { Issue.record("not SSL_GET"); return }
        #expect(http.urls.first?.path == "/")
        #expect(http.urls.first?.digest?.first == 0xff)
        #expect(http.urls.first?.statusCodes == [200...299])
        #expect(checker.connection?.connectPort == 444)
        #expect(checker.connection?.connectTimeout == 3_000_000)
        #expect(checker.retry == 3)
        #expect(checker.delayBeforeRetry == 3_000_000)
        #expect(checker.delayLoop == 6_000_000)
    }

    @Test func smtpSampleExpandsDeprecatedHosts() throws {
        let vs = try #require(load(try checkerPart(of: "SMTP_CHECK")).configuration.virtualServers.first)
        #expect(vs.realServers.count == 3)
        let first = try #require(vs.realServers[0].checkers.first)
        guard case let .smtp(smtp) = first.probe else { Issue.record("not SMTP_CHECK"); return }
        #expect(smtp.heloName == "foo.bar.com")
        #expect(first.connection?.connectTimeout == 30_000_000)
        // connect_timeout is a connection keyword of its own, so the checker keeps the real
        // server's address and each deprecated host block becomes one more checker (keepalived's
        // smtp_check_end_handler), with the real server's default timeout.
        let checkers = vs.realServers[1].checkers
        #expect(checkers.map(\.connection?.connectIP) == [nil] + ["172.16.1.11", "192.168.155.10", "64.233.167.99"].map { IPAddress($0) })
        #expect(checkers.map(\.connection?.connectTimeout) == [10_000_000, 5_000_000, 5_000_000, 5_000_000])
    }

    @Test func quorumSample() throws {
        let vs = try #require(load(try checkerPart(of: "quorum")).configuration.virtualServers.first)
        #expect(vs.alpha && vs.omega)
        #expect(vs.quorum == 7 && vs.hysteresis == 2)
        #expect(vs.quorumUp?.arguments == ["/usr/local/sbin/quorum-up.sh"])
        #expect(vs.quorumDown?.arguments == ["/usr/local/sbin/quorum-down.sh"])
        #expect(vs.scheduler == .wrr)
        #expect(vs.realServers.allSatisfy { $0.alpha == true && $0.checkers.first?.connection?.connectPort == 80 })
    }

    @Test func statusCodeSample() throws {
        let vs = try #require(load(try checkerPart(of: "status_code")).configuration.virtualServers.first)
        guard case let .ssl(http)? = vs.realServers.first?.checkers.first?.probe else { Issue.record("not SSL_GET"); return }
        #expect(http.urls.map(\.path) == ["/", "/mrtg/"])
        #expect(http.urls[0].statusCodes == [200...299, 400...499, 503...503, 505...505])
        #expect(http.urls[1].statusCodes == [200...200])
        #expect(http.urls[0].accepts(status: 404) && !http.urls[0].accepts(status: 504))
    }

    @Test func virtualServerGroupSample() throws {
        let config = load(try checkerPart(of: "virtual_server_group")).configuration
        let group = try #require(config.virtualServerGroups.first)
        #expect(group.name == "VSG_1")
        #expect(group.entries == [
            .addresses(first: IPAddress("10.0.0.1")!, last: IPAddress("10.0.0.1")!, port: 8080),
            .addresses(first: IPAddress("10.0.0.2")!, last: IPAddress("10.0.0.2")!, port: 80),
            .addresses(first: IPAddress("192.168.200.1")!, last: IPAddress("192.168.200.1")!, port: 1358),
            .addresses(first: IPAddress("192.168.200.3")!, last: IPAddress("192.168.200.10")!, port: 80),
            .fwmark(1, family: nil), .fwmark(2, family: nil),
        ])
        #expect(config.virtualServers.first?.service == .group("VSG_1"))
        #expect(config.virtualServers.first?.family == .inet)
    }

    @Test func miscCheckArgSample() throws {
        let vs = try #require(load(try checkerPart(of: "misc_check_arg")).configuration.virtualServers.first)
        guard case let .misc(misc)? = vs.realServers.first?.checkers.first?.probe else { Issue.record("not MISC_CHECK"); return }
        #expect(misc.script?.arguments == ["/usr/local/bin/script.sh", "arg1", "arg2"])
        #expect(vs.realServers.first?.checkers.first?.retry == 0)
    }

    @Test func udpCheckSample() throws {
        let vs = try #require(load(try checkerPart(of: "UDP_CHECK")).configuration.virtualServers.first)
        guard case let .udp(udp)? = vs.realServers.first?.checkers.first?.probe else { Issue.record("not UDP_CHECK"); return }
        #expect(!udp.requireReply)
        #expect(udp.maxReplyLength == 255)
        #expect(vs.serviceProtocol == .udp)
    }
}
