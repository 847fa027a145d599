import CheckerProbes
import KeepalivedDaemon
import NetworkTypes
import Testing

/// genhash's command line as keepalived 2.2.7's check_genhash parses it (messages word for word;
/// the interop test compares whole runs with Debian's keepalived -T).
struct GenhashCommandLineTests {
    @Test func serverPortAndURLMakeARequest() throws {
        let parsed = GenhashCommandLine.parse(["-s", "10.0.0.1", "-p", "8080", "-u", "/a", "-V", "www.x", "-S", "-I",
                                               "-P", "1.1", "-t", "3", "-m", "7", "-v"], bare: false)
        let request = try #require(parsed.request)
        #expect(parsed.messages.isEmpty)
        #expect(parsed.verbose)
        #expect(request.target == ProbeEndpoint(address: IPAddress("10.0.0.1")!, port: 8080))
        #expect(request.path == "/a" && request.virtualhost == "www.x" && request.useTLS && request.sni)
        #expect(request.protocolVersion == .http11 && request.timeout == 3_000_000 && request.fwmark == 7)
    }

    @Test func longOptionsAndIPv6() throws {
        let parsed = GenhashCommandLine.parse(["--server", "fd77::12", "--port=80", "--url", "/", "--protocol", "1.0C"], bare: false)
        let request = try #require(parsed.request)
        #expect(request.target == ProbeEndpoint(address: IPAddress("fd77::12")!, port: 80))
        #expect(request.protocolVersion == .http10Close)
        #expect(request.timeout == UInt64(UInt32.max))
    }

    @Test(arguments: [
        (["-s", "nothost", "-p", "1", "-u", "/"], ["server should be an IP, not nothost"]),
        (["-s", "10.0.0.1", "-p", "0", "-u", "/"], ["invalid port number '0'"]),
        (["-s", "10.0.0.1", "-p", "1", "-u", "/", "-P", "2.0"], ["invalid HTTP protocol version '2.0'"]),
        (["-s", "10.0.0.1", "-p", "1", "-u", "/", "-t", "-1"], ["invalid timeout '-1'"]),
        (["-s", "10.0.0.1", "-p", "1", "-u", "/", "-m", "x"], ["invalid fwmark 'x'"]),
        (["-s", "10.0.0.1", "-p", "1", "-u", "/", "a", "b"], ["Unexpected argument(s): a b"]),
        (["-x", "--bogus", "-s"], ["Unknown option -x", "Unknown option --bogus", "Missing parameter for option -s"]),
        (["-s", "10.0.0.1", "-p", "1"], []),
        (["-h"], []),
    ])
    func badCommandLinesGiveTheUsage(arguments: [String], messages: [String]) {
        let parsed = GenhashCommandLine.parse(arguments, bare: false)
        #expect(parsed.request == nil)
        #expect(parsed.messages == messages)
    }

    @Test func usageNamesTheProgram() {
        #expect(GenhashCommandLine.usage(programName: "/usr/sbin/keepalived", asGenhash: false)
            .hasPrefix("Usage: /usr/sbin/keepalived --genhash COMMAND [OPTIONS]\nCommands:\n"))
        #expect(GenhashCommandLine.usage(programName: "genhash", asGenhash: true).hasPrefix("Usage: genhash COMMAND [OPTIONS]\n"))
    }
}
