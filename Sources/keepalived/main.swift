/// The `keepalived` executable: parses argv and hands the result to the daemon's composition root.
import KeepalivedDaemon

Daemon.run(Daemon.parseProcessArguments(CommandLine.arguments))
