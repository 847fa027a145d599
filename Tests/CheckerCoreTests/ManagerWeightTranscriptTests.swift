import CheckerCore
import Testing

/// SNMP SET of realServerWeight, as keepalived 2.2.7's check_snmp_realserver_weight applies it
/// (update_svr_wgt with the quorum updated).
private let config = """
    virtual_server 10.77.0.100 80 {
      delay_loop 5
      lvs_sched wrr
      lvs_method NAT
      protocol TCP
      quorum 2
      real_server 10.77.0.21 80 {
        smtp_alert off
        TCP_CHECK {
          retry 0
        }
      }
      real_server 10.77.0.22 80 {
        weight 3
        smtp_alert off
        TCP_CHECK {
          retry 0
        }
      }
    }
    """

@Test func aManagersWeightGoesToIPVSAndMovesTheQuorum() {
    var driver = Driver(config)
    _ = driver.start()
    #expect(render(driver.checker.managerSetWeight(5, virtualServer: 0, realServer: 0)) == [
        "Changing weight from 1 to 5 for active service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80",
        "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 5",
    ])
    #expect(driver.table() == ["[10.77.0.21]:80 w5", "[10.77.0.22]:80 w3"])
    // The same weight again changes nothing; weight 0 keeps the server in the pool, unweighted.
    #expect(render(driver.checker.managerSetWeight(5, virtualServer: 0, realServer: 0)).isEmpty)
    #expect(render(driver.checker.managerSetWeight(0, virtualServer: 0, realServer: 1)) == [
        "Changing weight from 3 to 0 for active service [10.77.0.22]:tcp:80 of VS [10.77.0.100]:tcp:80",
        "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.22:80 Masq 0",
    ])
    // Live weight 1 + 0 falls below the quorum of 2.
    let lowered = render(driver.checker.managerSetWeight(1, virtualServer: 0, realServer: 0))
    #expect(lowered.prefix(2) == [
        "Changing weight from 5 to 1 for active service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80",
        "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 1",
    ])
    #expect(lowered.contains("Lost quorum 2-0=2 > 1 for VS [10.77.0.100]:tcp:80"))
    #expect(render(driver.checker.managerSetWeight(7, virtualServer: 0, realServer: 9)).isEmpty)
}

@Test func aDownServerKeepsItsNewWeightForLater() {
    var driver = Driver(config)
    _ = driver.start()
    _ = driver.result(.tcp(.failed), rs: 0)
    #expect(render(driver.checker.managerSetWeight(4, virtualServer: 0, realServer: 0)).first
            == "Changing weight from 1 to 4 for inactive service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80")
    #expect(driver.table() == ["[10.77.0.22]:80 w3"])
    #expect(driver.result(.tcp(.connected), rs: 0).contains("ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 4"))
}
