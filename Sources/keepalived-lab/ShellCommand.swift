// `keepalived-lab shell`: a lab to play in, removed when the shell exits.
import Foundation
import KeepalivedTestSupport

/// Builds a lab, prints its namespaces and opens an interactive shell in router 1.
struct ShellCommand {
    let routers: Int

    func run() -> Int32 {
        do {
            return try Lab.withLab(routers: routers) { lab in
                for host in lab.namespaces {
                    let addresses = [host.ipv4, host.ipv6].compactMap { $0 }.joined(separator: " ")
                    say("  \(host.name)\t\(host.interface)\t\(addresses)")
                }
                say("Shell in \(lab.router(1).name); enter another with `ip netns exec NAME bash`. Exit to remove the lab.")
                // Ctrl-C belongs to the shell: keep it from tearing the lab down under it. A handler
                // (not SIG_IGN) so the shell still gets the default disposition.
                var quiet = sigaction()
                quiet.__sigaction_handler.sa_handler = { _ in }
                sigaction(SIGINT, &quiet, nil)
                var environment = ProcessInfo.processInfo.environment
                environment["PS1"] = "[lab \(lab.router(1).name)] \\w# "
                let shell = try ChildProcess(
                    executable: Lab.availability.ipPath ?? "/usr/sbin/ip",
                    arguments: ["netns", "exec", lab.router(1).name, "/bin/bash", "--norc", "-i"],
                    environment: environment
                )
                shell.wait()
                return 0
            }
        } catch {
            say("keepalived-lab shell: \(error)")
            return 1
        }
    }
}

/// Writes a line to stdout at once (print would keep it buffered when stdout is not a terminal).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
