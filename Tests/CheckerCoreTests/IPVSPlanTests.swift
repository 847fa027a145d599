import CheckerCore
import IPVSModel
import Testing

/// Configuration → IPVS: the table keepalived 2.2.7 programs at start (ipwrapper.c init_services,
/// ipvswrapper.c ipvs_set_srule/ipvs_set_drule/ipvs_group_cmd), and what it takes out at stop.
@Suite struct IPVSPlanTests {
    /// The table after start, one line per service and per destination, ipvsadm-like.
    func startTable(_ text: String) -> [String] {
        var checker = engine(text)
        _ = checker.start { _ in 0 }
        return listing(checker.desiredTable)
    }

    func listing(_ table: IPVSTable) -> [String] {
        table.virtualServers.flatMap { server in
            [server.service.summary] + server.destinations.map { "  -> \($0.summary)" }
        }
    }

    @Test func natRoundRobinWithWeights() {
        #expect(startTable("""
            virtual_server 10.77.0.100 80 {
              lb_algo rr
              lb_kind NAT
              protocol TCP
              real_server 10.77.0.21 8080 {
                weight 3
                TCP_CHECK {}
              }
              real_server 10.77.0.22 80 {
                TCP_CHECK {}
              }
            }
            """) == [
            "TCP  10.77.0.100:80 rr",
            "  -> 10.77.0.21:8080 Masq 3",
            "  -> 10.77.0.22:80 Masq 1",
        ])
    }

    /// DR and TUN destinations take the service's port; persistence sets the flag, the timeout and
    /// the granularity; the scheduler defaults to wlc.
    @Test func directRoutingWithPersistence() {
        #expect(startTable("""
            virtual_server 10.77.0.100 53 {
              lvs_method DR
              protocol UDP
              persistence_timeout 300
              persistence_granularity 255.255.255.0
              real_server 10.77.0.21 5353 {
                TCP_CHECK {}
              }
              real_server 10.77.0.22 53 {
                lvs_method TUN
                TCP_CHECK {}
              }
            }
            """) == [
            "UDP  10.77.0.100:53 wlc persistent 300 mask 255.255.255.0",
            "  -> 10.77.0.21:53 Route 1",
            "  -> 10.77.0.22:53 Tunnel 1",
        ])
    }

    /// lvs_method TUN type ...: the virtual server's method reaches the real servers that give none
    /// and the sorry server; a real server's own method wins.
    @Test func tunnelTypesPortsAndChecksums() {
        #expect(startTable("""
            virtual_server 10.77.0.100 80 {
              lvs_method TUN type gue port 6080 csum
              protocol TCP
              sorry_server 10.77.0.30 80
              real_server 10.77.0.21 80 {
                TCP_CHECK {}
              }
              real_server 10.77.0.22 80 {
                lvs_method TUN type gre csum
                TCP_CHECK {}
              }
              real_server 10.77.0.23 80 {
                lvs_method TUN type ipip
                TCP_CHECK {}
              }
            }
            """) == [
            "TCP  10.77.0.100:80 wlc",
            "  -> 10.77.0.21:80 Tunnel 1 gue 6080 csum",
            "  -> 10.77.0.22:80 Tunnel 1 gre csum",
            "  -> 10.77.0.23:80 Tunnel 1",
        ])
    }

    /// A fwmark service: DR destinations get port 0, NAT ones keep theirs; the family follows the
    /// real servers.
    @Test func firewallMarkService() {
        #expect(startTable("""
            virtual_server fwmark 7 {
              lvs_sched sh
              lvs_method DR
              real_server 2001:db8::21 80 {
                TCP_CHECK {}
              }
              real_server 2001:db8::22 80 {
                lvs_method NAT
                TCP_CHECK {}
              }
            }
            """) == [
            "FWM  7 sh",
            "  -> [2001:db8::21]:0 Route 1",
            "  -> [2001:db8::22]:80 Masq 1",
        ])
    }

    /// A group stands for every address of its ranges and each of its fwmarks; each real server is
    /// a destination of all of them. keepalived gives group entries a host mask whatever the
    /// persistence_granularity.
    @Test func groupExpandsToEveryService() {
        #expect(startTable("""
            virtual_server_group web {
              10.77.0.100-102 80
              fwmark 9
            }
            virtual_server group web {
              lvs_sched wrr
              lvs_method DR
              protocol TCP
              persistence_timeout 60
              persistence_granularity 255.255.0.0
              real_server 10.77.0.21 80 {
                TCP_CHECK {}
              }
            }
            """) == [
            "TCP  10.77.0.100:80 wrr persistent 60",
            "  -> 10.77.0.21:80 Route 1",
            "TCP  10.77.0.101:80 wrr persistent 60",
            "  -> 10.77.0.21:80 Route 1",
            "TCP  10.77.0.102:80 wrr persistent 60",
            "  -> 10.77.0.21:80 Route 1",
            "FWM  9 wrr persistent 60",
            "  -> 10.77.0.21:0 Route 1",
        ])
    }

    /// At start an alpha server is left out, or put in at weight 0 with inhibit_on_failure; an
    /// inhibited sorry server waits at weight 0 while the quorum is up.
    @Test func alphaAndInhibitAtStart() {
        #expect(startTable("""
            virtual_server 10.77.0.100 80 {
              lvs_sched rr
              lvs_method NAT
              protocol TCP
              sorry_server 10.77.0.30 80
              sorry_server_inhibit
              real_server 10.77.0.21 80 {
                weight 2
                TCP_CHECK {}
              }
              real_server 10.77.0.22 80 {
                alpha
                TCP_CHECK {}
              }
              real_server 10.77.0.23 80 {
                alpha
                inhibit_on_failure
                weight 4
                TCP_CHECK {}
              }
            }
            """) == [
            "TCP  10.77.0.100:80 rr",
            "  -> 10.77.0.21:80 Masq 2",
            "  -> 10.77.0.23:80 Masq 0",
            "  -> 10.77.0.30:80 Masq 0",
        ])
    }

    static func stopConfig(_ globals: String = "") -> String { """
        global_defs {
          lvs_flush
          \(globals)
        }
        virtual_server 10.77.0.100 80 {
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          real_server 10.77.0.21 80 {
            inhibit_on_failure
            TCP_CHECK { retry 0 }
          }
          real_server 10.77.0.22 80 {
            TCP_CHECK { retry 0 }
          }
        }
        """
    }

    /// lvs_flush empties the table first; at stop every real server is shut down (an inhibited
    /// failed one removed too), then the service.
    @Test func flushAtStartAndClearAtStop() {
        var driver = Driver(Self.stopConfig())
        #expect(driver.start().prefix(2) == ["ipvs flush", "ipvs add service TCP  10.77.0.100:80 rr"])
        #expect(driver.result(.tcp(.failed), rs: 0).contains("ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 0"))
        #expect(render(driver.checker.stop()) == [
            "Shutting down (inhibited) service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
            "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
            "Shutting down service [10.77.0.22]:tcp:80 from VS [10.77.0.100]:tcp:80",
            "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
            "ipvs delete service TCP  10.77.0.100:80",
        ])
        #expect(driver.checker.desiredTable == IPVSTable())
    }

    @Test(arguments: [("lvs_flush_on_stop", ["ipvs flush"]), ("lvs_flush_on_stop VS", ["ipvs delete service TCP  10.77.0.100:80"])])
    func flushOnStop(keyword: String, expected: [String]) {
        var driver = Driver(Self.stopConfig(keyword))
        _ = driver.start()
        #expect(render(driver.checker.stop()) == expected)
    }
}
