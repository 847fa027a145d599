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
                    print("  \(host.name)\t\(host.interface)\t\(addresses)")
                }
                print("Shell in \(lab.router(1).name); enter another with `ip netns exec NAME bash`. Exit to remove the lab.")
                // Ctrl-C belongs to the shell: keep it from tearing the lab down under it. A handler
                // (not SIG_IGN) so the shell still gets the default disposition.
                var quiet = sigaction()
                quiet.__sigaction_handler.sa_handler = { _ in }
                sigaction(SIGINT, &quiet, nil)
                let shell = Process()
                shell.executableURL = URL(fileURLWithPath: Lab.availability.ipPath ?? "/usr/sbin/ip")
                shell.arguments = ["netns", "exec", lab.router(1).name, "/bin/bash", "--norc", "-i"]
                var environment = ProcessInfo.processInfo.environment
                environment["PS1"] = "[lab \(lab.router(1).name)] \\w# "
                shell.environment = environment
                try shell.run()
                shell.waitUntilExit()
                return 0
            }
        } catch {
            print("keepalived-lab shell: \(error)")
            return 1
        }
    }
}
