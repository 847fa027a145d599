import Foundation
import Testing
import KeepalivedTestSupport

/// The health checker against real servers in a lab namespace: a TCP listener, an HTTP server
/// (python3 http.server) and a MISC script, each failing the way that matters (refused, timeout,
/// wrong status, wrong digest, script failure). keepalived 2.2.7's checker cannot start on a
/// kernel without ip_vs ("IPVS: Can't initialize ipvs"), so the expected lines are the ones its
/// source gives for the same sequence (CheckerCoreTests holds the full transcripts).
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct HealthCheckerTests {
    typealias F = VRRPFixtures

    static func config(flag: String, digest: String) -> String {
        """
        global_defs {
          router_id lab1
          enable_script_security
          script_user root
        }
        virtual_server 10.77.0.100 80 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          real_server 10.77.0.12 9000 {
            TCP_CHECK {
              connect_port 9000
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.77.0.12 8080 {
            HTTP_GET {
              url {
                path /index.html
                digest \(digest)
              }
              connect_port 8080
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.77.0.12 8081 {
            HTTP_GET {
              url {
                path /missing.html
                status_code 200
              }
              connect_port 8080
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.77.0.99 80 {
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.77.0.13 80 {
            MISC_CHECK {
              misc_path "/usr/bin/test -e \(flag)"
              misc_timeout 2
            }
          }
        }
        """
    }

    static func md5(_ text: String) throws -> String {
        let result = try CommandRunner.run(["/bin/sh", "-c", "printf '%s' \"$0\" | md5sum", text])
        return String(result.standardOutput.prefix(32))
    }

    @Test func serversFailingTheWaysThatMatter() throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 2) { lab in
            let server = lab.router(2)
            let root = try CheckerFixtures.webRoot(lab)
            let flag = lab.directory + "/misc-ok"
            #expect(FileManager.default.createFile(atPath: flag, contents: Data()))
            try CheckerFixtures.httpServer(server, root: root)
            let listener = try server.start(["python3", "-c", """
                import socket, time
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("10.77.0.12", 9000)); s.listen(64)
                while True:
                    c, _ = s.accept(); c.close()
                """], name: "listener")
            #expect(CheckerFixtures.waitForListeners(server, ports: [8080, 9000]), "servers not listening")
            let ours = try CheckerFixtures.startOurs(lab, config: Self.config(flag: flag, digest: try Self.md5("hello\n")), name: "checker")
            func saw(_ line: String, within limit: Double = 6) -> Bool {
                F.wait(atMost: limit) { ours.output.contains(line) } != nil
            }
            let vs = "[10.77.0.100]:tcp:80"
            // Start: every server is in the table; the checks then sort them out.
            #expect(saw("Activating healthchecker for service [10.77.0.13]:tcp:80 for VS \(vs)"), "\(ours.output)")
            #expect(saw("TCP connection to [10.77.0.12]:tcp:9000 success."), "\(ours.output)")
            #expect(saw("Remote Web server [10.77.0.12]:tcp:8080 succeed on service."), "\(ours.output)")
            #expect(saw("Misc check for [[10.77.0.13]:tcp:80 VS \(vs)] by [/usr/bin/test] succeeded."), "\(ours.output)")
            // Wrong status (404) and a silent address (connect timeout) fail at the first check.
            #expect(saw("HTTP_CHECK on service [10.77.0.12]:tcp:8081 failed."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.12]:tcp:8081 from VS \(vs)"), "\(ours.output)")
            #expect(saw("TCP_CHECK on service [10.77.0.99]:tcp:80 failed."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.99]:tcp:80 from VS \(vs)"), "\(ours.output)")
            // Refused: the listener goes away.
            _ = listener.stop()
            #expect(saw("TCP_CHECK on service [10.77.0.12]:tcp:9000 failed."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.12]:tcp:9000 from VS \(vs)"), "\(ours.output)")
            // Wrong digest: the page changes.
            try "changed\n".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
            #expect(saw("HTTP_CHECK on service [10.77.0.12]:tcp:8080 failed."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.12]:tcp:8080 from VS \(vs)"), "\(ours.output)")
            // The page comes back: the server returns.
            try "hello\n".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
            #expect(saw("MD5 digest success to [10.77.0.12]:tcp:8080 url(/index.html)"), "\(ours.output)")
            #expect(saw("Adding service [10.77.0.12]:tcp:8080 to VS \(vs)"), "\(ours.output)")
            // The script fails.
            try FileManager.default.removeItem(atPath: flag)
            #expect(saw("Misc check for [[10.77.0.13]:tcp:80 VS \(vs)] by [/usr/bin/test] failed with retry disabled (exited with status 1)."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.13]:tcp:80 from VS \(vs)"), "\(ours.output)")
            // Every line comes once per change, in order: removal follows the verdict.
            let lines = ours.output.split(separator: "\n").map { String($0.split(separator: ": ", maxSplits: 1).last ?? "") }
            let verdict = lines.firstIndex(of: "TCP_CHECK on service [10.77.0.12]:tcp:9000 failed.")
            let removal = lines.firstIndex(of: "Removing service [10.77.0.12]:tcp:9000 from VS \(vs)")
            #expect(verdict != nil && removal == verdict.map { $0 + 1 })
            #expect(lines.filter { $0 == "Removing service [10.77.0.12]:tcp:8081 from VS \(vs)" }.count == 1)
        }
    }
}
