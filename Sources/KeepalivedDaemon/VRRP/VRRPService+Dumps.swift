import CLinuxNet
import LinuxNet
import VRRPCore
#if canImport(Glibc)
import Glibc
#endif

/// The files keepalived writes on signals: keepalived.stats (SIGUSR2), keepalived.json (JSON
/// signal) and keepalived.data (SIGUSR1), in the dump directory, from the VRRP thread's own state.
extension VRRPService {
    /// Writes `text` to `path` (keepalived's fopen_safe: rw-rw-rw- less the umask, so rw------- by
    /// default); `atomically`: to a temporary name, then renamed, so a
    /// reader never sees half a file.
    func writeDump(_ text: String, to path: String, atomically: Bool) {
        let target = atomically ? path + ".tmp" : path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            log("Can't open \(path) (\(clinuxnet_errno()))")
            return
        }
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        if atomically { rename(target, path) }
    }

    func writeJSON() {
        let text = JSONDump.render(instances.map {
            JSONDump.Entry(runtime: $0.runtime, router: router($0), drops: $0.drops, lastTransition: $0.lastTransition)
        })
        writeDump(text, to: jsonPath, atomically: true)
    }

    func writeStats(clear: Bool) {
        let text = StatsFile.render(instances.map {
            StatsFile.Entry(name: $0.runtime.router.name, statistics: router($0).statistics, drops: $0.drops)
        })
        writeDump(text, to: statsPath, atomically: false)
        if clear {
            engine.clearStatistics()
            for instance in instances { instance.drops.removeAll() }
        }
    }

    func writeData() {
        let groups = engine.syncGroupIDs.compactMap { id in
            engine.syncGroups[id].map {
                DataDump.Group(name: id.rawValue, state: $0.state, members: $0.members.map(\.rawValue),
                               smtpAlert: groupSMTPAlert[id.rawValue] ?? false)
            }
        }
        let groupOf = Dictionary(groups.flatMap { group in group.members.map { ($0, group.name) } }, uniquingKeysWith: { first, _ in first })
        let dumpInstances = instances.map {
            DataDump.Instance(runtime: $0.runtime, router: router($0), group: groupOf[$0.runtime.router.name],
                              interfaceIndex: $0.interface.index, source: $0.transport.source, descriptor: $0.transport.descriptor,
                              lastTransition: $0.lastTransition)
        }
        let dumpScripts = scripts.map { schedule in
            let name = schedule.script.name
            let trackers = instances.flatMap { instance in
                instance.runtime.trackers.filter { $0.tracker == .script(name) }.map { (instance.runtime.router.name, $0.weight) }
            }
            return DataDump.Script(runtime: schedule.script, tracker: engine.trackers[.script(name)],
                                   running: schedule.running != nil, trackers: trackers)
        }
        var wall = timespec()
        clock_gettime(CLOCK_REALTIME, &wall)
        let text = DataDump.render(routerID: routerID, instances: dumpInstances, groups: groups, scripts: dumpScripts,
                                   now: (MonotonicClock.now(), Double(wall.tv_sec) + Double(wall.tv_nsec) / 1e9))
        writeDump(text, to: dataPath, atomically: false)
    }
}
