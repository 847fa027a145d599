import Foundation
import KeepalivedTestSupport

/// FRR's vrrpd (with the zebra it needs) in one lab router: its own config and socket directory,
/// and the macvlan FRR expects per family, carrying the RFC virtual MAC and the VIP.
///
/// FRR never adds the virtual addresses itself: the VIP sits on the macvlan, which zebra holds
/// protodown while vrrpd is not master.
final class FRRVRRPRouter {
    static let zebra = "/usr/lib/frr/zebra"
    static let vrrpd = "/usr/lib/frr/vrrpd"

    /// Whether FRR's daemons are installed (scripts/bootstrap installs the `frr` package).
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: zebra) && FileManager.default.isExecutableFile(atPath: vrrpd)
    }

    /// In CI a missing FRR is a failure, not a skip.
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    let namespace: LabNamespace
    let directory: String
    let vrid: Int
    let isIPv6: Bool
    private(set) var zebraProcess: LabProcess?
    private(set) var vrrpdProcess: LabProcess?

    /// The macvlan FRR looks for: vrrp4-VRID with 00:00:5e:00:01:VRID, or vrrp6-VRID with 00:00:5e:00:02:VRID.
    var macvlan: String { "vrrp\(isIPv6 ? 6 : 4)-\(vrid)" }

    /// Creates the macvlan with `vip`/`prefix` on it and writes the configuration; nothing runs yet.
    init(in namespace: LabNamespace, labDirectory: String, vrid: Int, priority: Int, vip: String, prefix: Int) throws {
        self.namespace = namespace
        self.vrid = vrid
        isIPv6 = vip.contains(":")
        directory = labDirectory + "/frr-\(namespace.name)"
        // The daemons drop to the frr user: it writes pid files and sockets here.
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o777)
        let mac = String(format: "00:00:5e:00:%02x:%02x", isIPv6 ? 2 : 1, vrid)
        for command in [
            ["link", "add", macvlan, "link", "eth0", "type", "macvlan", "mode", "bridge"],
            ["link", "set", macvlan, "address", mac],
            isIPv6 ? ["-6", "addr", "add", "\(vip)/\(prefix)", "dev", macvlan, "nodad"] : ["addr", "add", "\(vip)/\(prefix)", "dev", macvlan],
            ["link", "set", macvlan, "up"],
        ] {
            let result = try namespace.run(["ip"] + command)
            guard result.succeeded else { throw FRRError.setup("ip \(command.joined(separator: " ")): \(result.combinedOutput)") }
        }
        let vrrp = """
            hostname \(namespace.name)
            log stdout informational
            interface eth0
             vrrp \(vrid) version 3
             vrrp \(vrid) priority \(priority)
             vrrp \(vrid) advertisement-interval 1000
             vrrp \(vrid) \(isIPv6 ? "ipv6" : "ip") \(vip)

            """
        try "hostname \(namespace.name)\n".write(toFile: directory + "/zebra.conf", atomically: true, encoding: .utf8)
        try vrrp.write(toFile: directory + "/vrrpd.conf", atomically: true, encoding: .utf8)
    }

    enum FRRError: Error, CustomStringConvertible {
        case setup(String)
        var description: String { if case let .setup(text) = self { text } else { "" } }
    }

    private func arguments(_ daemon: String, _ name: String) -> [String] {
        [daemon, "-f", "\(directory)/\(name).conf", "-i", "\(directory)/\(name).pid", "-z", "\(directory)/zserv.api",
         "--vty_socket", directory, "-P", "0", "-u", "frr", "-g", "frr", "--log", "stdout"]
    }

    /// Starts zebra (once) and vrrpd.
    func start() throws {
        if zebraProcess == nil {
            zebraProcess = try namespace.start(arguments(FRRVRRPRouter.zebra, "zebra"), name: "zebra")
            guard VRRPFixtures.wait(atMost: 5, for: { FileManager.default.fileExists(atPath: directory + "/zserv.api") }) != nil else {
                throw FRRError.setup("zebra did not open its socket:\n\(zebraProcess?.output ?? "")")
            }
        }
        vrrpdProcess = try namespace.start(arguments(FRRVRRPRouter.vrrpd, "vrrpd"), name: "vrrpd")
    }

    /// Stops vrrpd (zebra keeps running, as it would on a router).
    func stopVRRP() {
        vrrpdProcess?.send(SIGTERM)
        _ = vrrpdProcess?.waitForExit(timeout: .seconds(5))
    }

    /// The family's part of `show vrrp VRID json`, while vrrpd runs.
    private func show() -> [String: Any]? {
        guard vrrpdProcess?.isRunning == true,
              let result = try? namespace.run(["vtysh", "--vty_socket", directory, "-c", "show vrrp \(vrid) json"], timeout: .seconds(5)),
              result.succeeded,
              let json = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        else { return nil }
        return json.first?[isIPv6 ? "v6" : "v4"] as? [String: Any]
    }

    /// vrrpd's state for the family ("Master", "Backup", "Initialize"); nil when vrrpd is not running.
    func status() -> String? { show()?["status"] as? String }

    var isMaster: Bool { status() == "Master" }
    var isBackup: Bool { status() == "Backup" }

    /// Adverts vrrpd accepted for the family (its adverRx counter).
    func advertisementsReceived() -> Int { (show()?["stats"] as? [String: Any])?["adverRx"] as? Int ?? 0 }

    var output: String { "zebra:\n\(zebraProcess?.output ?? "")\nvrrpd:\n\(vrrpdProcess?.output ?? "")" }
}
