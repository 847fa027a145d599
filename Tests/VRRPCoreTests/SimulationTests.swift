import KeepalivedTestSupport
import Testing
import VRRPCore

/// Simulation tier: whole Engines on an in-memory segment with a manual clock.
@Suite struct SimulationTests {
    private func node(priority: UInt8, instances: [(String, UInt8)] = [("VI_1", 51)], group: Bool = false) -> Engine.Configuration {
        let configurations = instances.map { name, vrid in
            Engine.InstanceConfiguration(
                router: VirtualRouterConfiguration(name: name, vrid: VRID(vrid), basePriority: Priority(priority), garpMasterDelay: 0),
                interface: "eth0", trackers: name == "VI_2" ? [TrackingBinding(.interface("eth1"))] : [])
        }
        let groups = group ? [Engine.SyncGroupConfiguration(id: "G1", members: configurations.map(\.id))] : []
        return Engine.Configuration(instances: configurations, syncGroups: groups)
    }

    private func at(_ seconds: Double) -> Instant { Instant(microseconds: UInt64(seconds * 1_000_000)) }

    @Test func failoverOnStopAndPreemptionByTheHigherPriority() {
        var lan = InMemorySegment()
        lan.add("low", address: [10, 0, 0, 2], node(priority: 100))
        lan.add("high", address: [10, 0, 0, 1], node(priority: 150))

        // Alone, the low node takes over after Master_Down_Interval (3 + 156/256 s).
        lan.start("low")
        lan.run(until: at(5))
        #expect(lan.state("low", "VI_1") == .master)
        #expect(lan.holders(of: "VI_1") == ["low"])

        // The higher priority node discards the lower adverts and preempts after its own
        // Master_Down_Interval (3 + 106/256 s); the low node yields on its first advert.
        lan.start("high")
        lan.run(until: at(8.4))
        #expect(lan.state("high", "VI_1") == .backup)
        lan.run(until: at(8.5))
        #expect(lan.state("high", "VI_1") == .master)
        #expect(lan.state("low", "VI_1") == .backup)
        #expect(lan.holders(of: "VI_1") == ["high"])

        // Steady state: one master for a while.
        lan.run(until: at(30))
        #expect(lan.holders(of: "VI_1") == ["high"])

        // The master stops: its priority 0 advert lets the backup take over after Skew_Time.
        lan.stop("high")
        #expect(lan.holders(of: "VI_1") == [])
        lan.run(until: at(30.6))
        #expect(lan.state("low", "VI_1") == .backup)
        lan.run(until: at(30.7))
        #expect(lan.state("low", "VI_1") == .master)
        #expect(lan.holders(of: "VI_1") == ["low"])
        #expect(lan.transitions == [
            "low VI_1 INIT->BACKUP", "low VI_1 BACKUP->MASTER",
            "high VI_1 INIT->BACKUP", "high VI_1 BACKUP->MASTER", "low VI_1 MASTER->BACKUP",
            "high VI_1 MASTER->STOP", "low VI_1 BACKUP->MASTER",
        ])
    }

    @Test func aSyncGroupFailsOverAsAWholeOnOneMembersFault() {
        var lan = InMemorySegment()
        lan.add("a", address: [10, 0, 0, 1], node(priority: 150, instances: [("VI_1", 51), ("VI_2", 52)], group: true))
        lan.add("b", address: [10, 0, 0, 2], node(priority: 100, instances: [("VI_1", 51), ("VI_2", 52)], group: true))
        lan.start("a")
        lan.start("b")
        lan.run(until: at(10))
        #expect(lan.holders(of: "VI_1") == ["a"])
        #expect(lan.holders(of: "VI_2") == ["a"])

        // Only VI_2 tracks eth1; its fault takes the whole group on "a" to FAULT (priority 0 sent),
        // and "b" takes both over.
        lan.inject("a", .interfaceChanged("eth1", isUp: false))
        #expect(lan.state("a", "VI_1") == .fault)
        #expect(lan.node("a").engine.syncGroups["G1"]?.state == .fault)
        lan.run(until: at(11))
        #expect(lan.holders(of: "VI_1") == ["b"])
        #expect(lan.holders(of: "VI_2") == ["b"])

        // eth1 back: "a" returns as backup and preempts both once its down timers run out.
        lan.inject("a", .interfaceChanged("eth1", isUp: true))
        #expect(lan.state("a", "VI_1") == .backup)
        lan.run(until: at(20))
        #expect(lan.holders(of: "VI_1") == ["a"])
        #expect(lan.holders(of: "VI_2") == ["a"])
        #expect(lan.node("b").engine.syncGroups["G1"]?.state == .backup)
    }
}
