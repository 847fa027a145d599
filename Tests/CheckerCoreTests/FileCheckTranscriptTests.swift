import CheckerCore
import Testing

/// FILE_CHECK against keepalived 2.2.7's check_file.c and track_file.c, as transcripts: the file's
/// number times the weight moves the real server's weight; the fault status takes it down.
private let weighted = """
    track_file load {
      file /run/lab/load
      weight 1
    }
    track_file maint {
      file /run/lab/maint
    }
    virtual_server 10.77.0.100 80 {
      delay_loop 5
      lvs_sched wrr
      lvs_method NAT
      protocol TCP
      real_server 10.77.0.21 80 {
        weight 10
        smtp_alert off
        FILE_CHECK {
          track_file load
          weight 2
        }
      }
      real_server 10.77.0.22 80 {
        smtp_alert off
        FILE_CHECK {
          track_file maint
          weight 0
        }
      }
    }
    """

@Test func aFileValueAdjustsTheWeightAtStartAndAfter() {
    var driver = Driver(weighted)
    let start = driver.checker.start(warmup: { _ in 0 }, trackFiles: ["load": 5])
    // No healthchecker is activated for a file, and the server starts at 10 + 5 × 2.
    #expect(render(start).filter { $0.hasPrefix("Activating") || $0.hasPrefix("probe") }.isEmpty)
    #expect(driver.table() == ["[10.77.0.21]:80 w20", "[10.77.0.22]:80 w1"])
    #expect(render(driver.checker.trackFileChanged("load", value: -2)) == [
        "Changing weight from 20 to 6 for active service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80",
        "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 6",
    ])
    #expect(render(driver.checker.trackFileChanged("load", value: -2)).isEmpty)
    // A status at the fault value takes the server down; leaving it restores the weight.
    #expect(render(driver.checker.trackFileChanged("load", value: -2_147_483_648)) == [
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
    ])
    #expect(render(driver.checker.trackFileChanged("load", value: 0)) == [
        "Adding service [10.77.0.21]:tcp:80 to VS [10.77.0.100]:tcp:80",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 10",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 UP",
    ])
}

@Test func weightZeroMeansAnyNonZeroValueIsDown() {
    var driver = Driver(weighted)
    _ = driver.checker.start(warmup: { _ in 0 }, trackFiles: ["maint": 1])
    // Down from the start: never added.
    #expect(driver.table() == ["[10.77.0.21]:80 w10"])
    #expect(render(driver.checker.trackFileChanged("maint", value: 2)).isEmpty)
    #expect(render(driver.checker.trackFileChanged("maint", value: 0)) == [
        "Adding service [10.77.0.22]:tcp:80 to VS [10.77.0.100]:tcp:80",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.22:80 Masq 1",
        "fifo RS [10.77.0.22]:tcp:80 [10.77.0.100]:tcp:80 UP",
    ])
    #expect(render(driver.checker.trackFileChanged("maint", value: 7)) == [
        "Removing service [10.77.0.22]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
        "fifo RS [10.77.0.22]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
    ])
}

@Test func reverseWithWeightZeroMeansZeroIsDown() {
    let file = TrackedFileCheck(trackFile: "f", weight: 0, reverse: true)
    #expect(file.status(0) == TrackedFileCheck.fault)
    #expect(file.status(3) == 0)
    let reversed = TrackedFileCheck(trackFile: "f", weight: 3, reverse: true)
    #expect(reversed.status(2) == -6)
    #expect(reversed.status(2_147_483_648) == TrackedFileCheck.fault)
    #expect(TrackedFileCheck(trackFile: "f", weight: 254, reverse: false).status(2_147_483_647) == Int64(Int32.max))
}
