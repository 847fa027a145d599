import Foundation
import KeepalivedTestSupport

/// tcpdump of VRRP adverts in a lab namespace (the client's, as an observer on the bridge).
struct AdvertCapture {
    struct Advert: Equatable {
        var time: Double
        var source: String
        var vrid: Int
        var priority: Int
    }

    let process: LabProcess

    /// Starts capturing protocol 112 on eth0 of `namespace`, one line per packet with epoch time.
    static func start(in namespace: LabNamespace) throws -> AdvertCapture {
        let process = try namespace.start(["tcpdump", "-i", "eth0", "-n", "-tt", "-l", "-U", "ip", "proto", "112"], name: "tcpdump")
        _ = process.waitForOutput(containing: "listening on", timeout: .seconds(5))
        return AdvertCapture(process: process)
    }

    /// `1764065000.123456 IP 10.77.0.11 > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 150, ...`
    var adverts: [Advert] {
        process.output.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count > 4, let time = Double(words[0]), words[1] == "IP",
                  let vridAt = words.firstIndex(of: "vrid"), let prioAt = words.firstIndex(of: "prio"),
                  vridAt + 1 < words.count, prioAt + 1 < words.count,
                  let vrid = Int(words[vridAt + 1].trimmingCharacters(in: [","])),
                  let priority = Int(words[prioAt + 1].trimmingCharacters(in: [","])) else { return nil }
            return Advert(time: time, source: String(words[2]), vrid: vrid, priority: priority)
        }
    }

    /// The longest silence between consecutive adverts of `vrid` from `source`, from `since` (epoch s) on.
    func longestGap(vrid: Int, from source: String, since: Double) -> Double {
        let times = adverts.filter { $0.vrid == vrid && $0.source == source && $0.time >= since }.map(\.time)
        return zip(times, times.dropFirst()).map { $1 - $0 }.max() ?? .infinity
    }
}
