import KeepalivedTestSupport

/// A keepalived.conf of many real servers for the checker benchmark, and the one listener that
/// answers all of them.
///
/// The real servers are 10.80.N.M (100 per virtual server), all local to the router's namespace
/// through one `local` route, so a listener on 0.0.0.0 answers every one: the TCP_CHECK servers on
/// port 9000, the HTTP_GET servers on 8080. The listener counts the connections it accepts, which
/// are the probes that reached it.
enum CheckerScaleConfig {
    static let perVirtualServer = 100
    static let tcpPort = 9000
    static let httpPort = 8080
    /// Every real server lies in it.
    static let serverPrefix = "10.80.0.0/16"

    /// `tcp` servers with TCP_CHECK every `tcpDelay` seconds, then `http` with HTTP_GET every
    /// `httpDelay` seconds (keepalived.conf: delay_loop), in virtual servers of 100.
    static func text(tcp: Int, http: Int, tcpDelay: Int, httpDelay: Int) -> String {
        var text = """
            global_defs {
              router_id checker-bench
            }

            """
        let groups = [(tcp, tcpDelay, tcpPort), (http, httpDelay, httpPort)]
        var block = 0
        for (servers, delay, port) in groups {
            for first in stride(from: 0, to: servers, by: perVirtualServer) {
                block += 1
                text += "virtual_server 10.81.0.\(block) 80 {\n  delay_loop \(delay)\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n"
                for m in 1...min(perVirtualServer, servers - first) {
                    text += "  real_server 10.80.\(block).\(m) \(port) {\n"
                    text += port == tcpPort
                        ? "    TCP_CHECK {\n      connect_timeout 1\n      retry 0\n    }\n"
                        : "    HTTP_GET {\n      url {\n        path /\n        status_code 200\n      }\n      connect_timeout 1\n      retry 0\n    }\n"
                    text += "  }\n"
                }
                text += "}\n\n"
            }
        }
        return text
    }

    /// Makes every address of `serverPrefix` local to the namespace (one route, no addresses).
    static func addServerRoute(in router: LabNamespace) throws {
        try router.ip("route", "add", "local", serverPrefix, "dev", "lo")
    }

    /// The listener (python3, asyncio): accepts on the TCP port and closes; answers `200 ok` on the
    /// HTTP port; prints "seconds tcp http" (monotonic clock, connections so far) every second.
    static let listener = """
        import asyncio, sys, time
        counts = [0, 0]
        async def tcp(reader, writer):
            counts[0] += 1
            writer.close()
        async def http(reader, writer):
            counts[1] += 1
            try:
                await asyncio.wait_for(reader.readuntil(b"\\r\\n\\r\\n"), 5)
                writer.write(b"HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\nConnection: close\\r\\n\\r\\nok")
                await writer.drain()
            except Exception:
                pass
            writer.close()
        async def main():
            await asyncio.start_server(tcp, "0.0.0.0", int(sys.argv[1]), backlog=4096)
            await asyncio.start_server(http, "0.0.0.0", int(sys.argv[2]), backlog=4096)
            while True:
                print(f"{time.monotonic():.3f} {counts[0]} {counts[1]}", flush=True)
                await asyncio.sleep(1)
        asyncio.run(main())

        """
}
