/// The `keepalived` executable: hands argv to the daemon's composition root, which exits.
import KeepalivedDaemon

Daemon.run(arguments: CommandLine.arguments)
