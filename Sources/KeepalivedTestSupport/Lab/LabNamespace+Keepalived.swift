// Starting a keepalived (ours or Debian's 2.2.7) in a lab namespace, the way every lab user does.
import Foundation

extension LabNamespace {
    /// Starts `binary` in the foreground (`-n -l -G -P`: VRRP only, logging to the console) with
    /// `config` installed at `/etc/keepalived/keepalived-<label>.conf` inside this namespace and pid
    /// files in the log directory, followed by `arguments`. `temporaryDirectory` becomes its TMPDIR
    /// (stats and JSON files).
    public func startKeepalived(
        _ binary: String, label: String, config: String, temporaryDirectory: String? = nil, arguments: [String] = []
    ) throws -> LabProcess {
        // Seen inside the namespace at /etc/keepalived (ip netns exec bind-mounts /etc/netns/NAME).
        let path = "/etc/keepalived/keepalived-\(label).conf"
        try installFile(path, contents: config)
        let pids = logDirectory + "/" + name
        let environment = temporaryDirectory.map { ["/usr/bin/env", "TMPDIR=\($0)"] } ?? []
        return try start(
            environment + [binary, "-n", "-l", "-G", "-P", "-f", path, "-p", pids + "-\(label).pid", "-r", pids + "-\(label)-vrrp.pid"] + arguments,
            name: "keepalived-\(label)")
    }

    /// `arguments` as a command line that runs them inside this namespace (`ip netns exec NAME ...`),
    /// for callers that spawn and time the process themselves.
    public func commandLine(_ arguments: [String]) -> [String] {
        [ipPath, "netns", "exec", name] + arguments
    }
}
