/// Port rules between virtual, real and sorry servers, checker defaults, and keepalived's
/// names for services in its messages (FMT_VS, FMT_RS).
extension CheckerValidation {
    /// Unless NAT, real and sorry servers use the service's port (none for fwmarks).
    static func checkPorts(_ vs: inout VirtualServer, _ group: VirtualServerGroup?, _ context: ValidationContext) {
        func warn(_ message: String, _ location: SourceLocation, _ keyword: String) {
            context.error(message, at: location, keyword: keyword, hint: "drop the port, or use lvs_method NAT")
        }
        let name = format(vs)
        if let group {
            if !group.fwmarkEntries.isEmpty {
                for rs in vs.realServers where rs.forwarding?.kind != .nat && rs.port != nil {
                    warn("WARNING - fwmark virtual server \(name), real server \(format(rs, in: vs)) has port specified - port will be ignored",
                         rs.location, "real_server")
                }
                if let sorry = vs.sorryServer, sorry.forwarding?.kind != .nat, sorry.port != nil {
                    warn("WARNING - fwmark virtual server \(name), sorry server has port specified - port will be ignored", sorry.location, "sorry_server")
                }
            }
            for entry in group.addressEntries {
                for rs in vs.realServers where rs.forwarding?.kind != .nat {
                    if let port = rs.port, entry.port != port {
                        warn("virtual server \(name):[\(entry.keepalivedDescription)] and real server \(format(rs, in: vs)) ports don't match",
                             rs.location, "real_server")
                    }
                }
                if let sorry = vs.sorryServer, sorry.forwarding?.kind != .nat, let port = sorry.port, entry.port != port {
                    warn("WARNING - virtual server \(name), sorry server has port specified - port will be ignored", sorry.location, "sorry_server")
                }
            }
            return
        }
        for index in vs.realServers.indices {
            let rs = vs.realServers[index]
            if rs.forwarding?.kind == .nat {
                if vs.fwmark == nil && rs.port == nil { vs.realServers[index].port = vs.port }
                continue
            }
            if vs.fwmark != nil {
                if rs.port != nil {
                    warn("WARNING - fwmark virtual server \(name), real server \(format(rs, in: vs)) has port specified - clearing",
                         rs.location, "real_server")
                    vs.realServers[index].port = nil
                }
            } else if rs.port == nil {
                vs.realServers[index].port = vs.port
            } else if rs.port != vs.port {
                warn("WARNING - virtual server \(name) and real server \(format(rs, in: vs)) ports don't match - resetting",
                     rs.location, "real_server")
                vs.realServers[index].port = vs.port
            }
        }
        let servicePort = vs.port
        if let sorry = vs.sorryServer, sorry.forwarding?.kind != .nat {
            if vs.fwmark != nil {
                if sorry.port != nil {
                    warn("WARNING - virtual server \(name), sorry server has port specified - clearing", sorry.location, "sorry_server")
                    vs.sorryServer?.port = nil
                }
            } else if sorry.port == nil {
                vs.sorryServer?.port = servicePort
            } else if sorry.port != vs.port {
                warn("WARNING - virtual server \(name) and sorry server ports don't match - resetting", sorry.location, "sorry_server")
                vs.sorryServer?.port = servicePort
            }
        }
    }

    /// The defaults checkers take from their real server (keepalived's checkers_queue loop).
    static func completeCheckers(_ vs: inout VirtualServer) {
        for r in vs.realServers.indices {
            let rs = vs.realServers[r]
            for c in rs.checkers.indices {
                var checker = rs.checkers[c]
                if checker.alpha == nil { checker.alpha = rs.alpha }
                if case .bfd = checker.probe {
                    vs.realServers[r].checkers[c] = checker
                    continue
                }
                if checker.retry == nil { checker.retry = rs.retry ?? checker.defaultRetry }
                if checker.connection != nil, checker.connection?.connectTimeout == nil {
                    checker.connection?.connectTimeout = rs.connectTimeout
                }
                if checker.delayLoop == nil { checker.delayLoop = rs.delayLoop }
                if checker.warmup == nil { checker.warmup = rs.warmup ?? checker.delayLoop }
                if checker.delayBeforeRetry == nil {
                    checker.delayBeforeRetry = rs.delayBeforeRetry ?? checker.defaultDelayBeforeRetry ?? checker.delayLoop
                }
                vs.realServers[r].checkers[c] = checker
            }
        }
    }

    /// keepalived's FMT_VS: `[address]:protocol:port`, `FWM n` or `[group]:0`.
    static func format(_ vs: VirtualServer) -> String { vs.keepalivedName }

    /// keepalived's FMT_RS: `[address]:protocol:port`, with the service's protocol.
    static func format(_ rs: RealServer, in vs: VirtualServer) -> String {
        vs.keepalivedName(destination: rs.address, port: rs.port)
    }
}
