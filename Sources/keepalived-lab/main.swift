// keepalived-lab: builds network-namespace labs to show swift-keepalived next to keepalived 2.2.7.
import Foundation
import KeepalivedTestSupport

let usage = """
    usage: keepalived-lab <command> [options]

      demo [--conf DIR]      build a lab (2 routers, 1 client), run the demo steps, tear it down
      shell [--routers N]    build a lab and open a shell in router 1; the lab goes when it exits
      cleanup [--all]        delete labs left by dead processes (--all: every lab of other processes)

    Needs root and iproute2. `make demo` builds everything and runs `keepalived-lab demo`.
    """

let command = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "demo"
let arguments = Array(CommandLine.arguments.dropFirst(2))

/// The value after `flag`, if given.
@MainActor func option(_ flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let status: Int32
switch command {
case "demo":
    status = DemoCommand(confDirectory: option("--conf")).run()
case "shell":
    status = ShellCommand(routers: option("--routers").flatMap(Int.init) ?? 2).run()
case "cleanup":
    status = CleanupCommand(includeLive: arguments.contains("--all")).run()
case "-h", "--help", "help":
    say(usage)
    status = 0
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    status = 64
}
exit(status)
