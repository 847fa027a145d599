/// The route line syntax of static_routes and virtual_routes (keepalived's alloc_route).
extension AddressKeywords {
    /// Parses one route line (keepalived's alloc_route). Words are consumed exactly as keepalived
    /// consumes them, including its quirks (`inet`/`inet6` also skip the word after them).
    static func parseRoute(_ parser: ConfigParser, _ line: KeywordLine, isStatic: Bool) -> Route? {
        var route = Route(location: line.location)
        var family: IPAddress.Family?
        var destinationText: String?
        var haveDestination = false
        var doNexthop = false
        var i = 0

        func fail(_ message: String, _ word: Int, _ hint: String) -> Route? {
            parser.error(message, line, word: word, hint: hint + "; keepalived ignores this route")
            return nil
        }
        /// keepalived's strvec_slot: a missing word makes keepalived stop at once.
        func slot(_ index: Int) -> String? { parser.argument(line, index) }
        func mix(_ other: IPAddress.Family?, _ word: Int, suffix: String = "") -> Bool {
            if family == nil { family = other; return true }
            if family == other { return true }
            _ = fail("Cannot mix IPv4 and IPv6 addresses for route\(suffix)", word, "use addresses of one family on a route")
            return false
        }
        /// `KEYWORD [lock] VALUE`: returns the value's index.
        func lockable(_ metric: RouteMetrics.Lockable) -> Int? {
            i += 1
            guard let word = slot(i) else { return nil }
            if word == "lock" {
                route.metrics.locked.insert(metric)
                i += 1
            }
            return i
        }
        /// get_u32 and friends; nil after a report (or a missing word).
        func u32(_ index: Int, _ what: String, max: UInt64 = UInt64(UInt32.max)) -> UInt32? {
            readNumber(parser, line, index, max: max, { "Invalid \(what) \($0) specified for route" },
                       hint: "give a number from 0 to \(max)").map { UInt32($0) }
        }

        scan: while i < line.count {
            let word = line.tokens[i].text
            switch word {
            case "inet6", "inet":
                let wanted: IPAddress.Family = word == "inet" ? .inet : .inet6
                if family == nil {
                    family = wanted
                } else if family != wanted {
                    return fail("\(word) specified for \(wanted == .inet ? "IPv6" : "IPv4") route", i, "remove \(word)")
                }
                i += 1
            case "src":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let source = parseIP(parser, text, line, word: i, allowPrefix: false) else {
                    return fail("invalid route src address \(text)", i, "give src a plain address")
                }
                route.preferredSource = source.address
                guard mix(source.address.family, i) else { return nil }
            case "as":
                i += 1
                guard let next = slot(i) else { return nil }
                if next == "to" { i += 1 }
                parser.error("\"as to\" for MPLS only - ignoring", line, word: i, hint: "remove 'as to': NAT routes are not supported")
            case "via", "gw":
                if word == "gw" {
                    parser.error("\"gw\" for routes is deprecated. Please use \"via\"", line, word: i, hint: "replace gw with via")
                }
                i += 1
                guard var text = slot(i) else { return nil }
                var viaFamily = family
                if text == "inet" || text == "inet6" {
                    viaFamily = text == "inet" ? .inet : .inet6
                    i += 1
                    guard let next = slot(i) else { return nil }
                    text = next
                }
                guard mix(viaFamily, i) else { return nil }
                guard let via = parseIP(parser, text, line, word: i, allowPrefix: false) else {
                    return fail("invalid route via address \(text)", i, "give via a plain address")
                }
                route.gateway = via.address
                guard mix(via.address.family, i) else { return nil }
            case "from":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let (source, sourceFamily) = parseRouteTarget(parser, text, line, word: i) else {
                    return fail("invalid route from address \(text)", i, "give from an IPv6 prefix")
                }
                guard sourceFamily == .inet6 else {
                    return fail("route from address only supported with IPv6 (\(text))", i, "use from only on IPv6 routes")
                }
                route.sourcePrefix = source
                guard mix(sourceFamily, i) else { return nil }
            case "tos", "dsfield":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let tos = RoutingNameTable.lookup(text, .dsfield, host: parser.host) else {
                    return fail("TOS value \(text) is invalid", i, "give 0-255 or a name from /etc/iproute2/rt_dsfield")
                }
                route.tos = UInt8(tos)
            case "table":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let table = RoutingNameTable.lookup(text, .table, host: parser.host) else {
                    return fail("Routing table \(text) not found for route", i, "give a table number or a name from /etc/iproute2/rt_tables")
                }
                route.table = table
            case "protocol":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let value = RoutingNameTable.lookup(text, .routeProtocol, host: parser.host) else {
                    return fail("Protocol \(text) not found or invalid for route", i, "give 0-255 or a name from /etc/iproute2/rt_protos")
                }
                route.routeProtocol = UInt8(value)
            case "scope":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let value = RoutingNameTable.lookup(text, .scope, host: parser.host) else {
                    return fail("Scope \(text) not found or invalid for route", i, "use global, site, link, host, nowhere or 0-255")
                }
                route.scope = UInt8(value)
            case "metric", "priority", "preference":
                i += 1
                guard let value = u32(i, "metric") else { return nil }
                route.metric = value
            case "dev", "oif":
                i += 1
                guard let name = slot(i) else { return nil }
                guard interfaceExists(parser, name, line, word: i) else {
                    return fail("WARNING - interface \(name) for VROUTE nexthop doesn't exist", i, "name an existing interface")
                }
                route.interface = name
            case "onlink":
                route.onLink = true
            case "encap":
                parseEncap(parser, line, &i, &route.encap)
            case "expires":
                i += 1
                if family == .inet { return fail("expires is only valid for IPv6", i - 1, "remove expires from IPv4 routes") }
                family = .inet6
                guard let value = u32(i, "expires time") else { return nil }
                route.expires = value
            case "mtu", "advmss", "reordering", "cwnd", "ssthresh":
                let metric = RouteMetrics.Lockable(rawValue: word)!
                guard let index = lockable(metric) else { return nil }
                let what = ["mtu": "MTU", "advmss": "advmss", "reordering": "reordering value", "cwnd": "cwnd value",
                            "ssthresh": "ssthresh value"][word]!
                guard let value = u32(index, what) else { return nil }
                switch metric {
                case .mtu: route.metrics.mtu = value
                case .advmss: route.metrics.advmss = value
                case .reordering: route.metrics.reordering = value
                case .cwnd: route.metrics.cwnd = value
                default: route.metrics.ssthresh = value
                }
            case "rtt", "rttvar", "rto_min":
                let metric = RouteMetrics.Lockable(rawValue: word)!
                guard let index = lockable(metric), let text = slot(index) else { return nil }
                let unit: UInt64 = word == "rtt" ? 8 : word == "rttvar" ? 4 : 1
                guard let value = routeTime(parser, text, unit: unit, line, word: index) else {
                    return fail(word == "rto_min" ? "Invalid rto_min value \(text) specified for route" : "Invalid \(word) \(text) for route",
                                index, "give milliseconds (N), seconds (Ns) or Nms")
                }
                switch metric {
                case .rtt: route.metrics.rtt = value
                case .rttvar: route.metrics.rttvar = value
                default: route.metrics.rtoMin = value
                }
            case "window", "initcwnd", "initrwnd":
                i += 1
                guard let value = u32(i, word == "window" ? "window value" : "\(word) value") else { return nil }
                if word == "window" { route.metrics.window = value } else if word == "initcwnd" { route.metrics.initcwnd = value } else { route.metrics.initrwnd = value }
            case "hoplimit":
                i += 1
                guard let value = u32(i, "hoplimit", max: 255) else { return nil }
                route.metrics.hopLimit = UInt8(value)
            case "realms":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let realms = realms(text, host: parser.host) else {
                    return fail("Invalid realms \(text) for route", i, "give REALM or FROM/TO, each 0-255 or a name from /etc/iproute2/rt_realms")
                }
                route.realms = realms
                if family == .inet6 { return fail("realms are only valid for IPv4", i, "remove realms from IPv6 routes") }
                family = .inet
            case "features":
                i += 1
                guard let text = slot(i) else { return nil }
                if text == "ecn" {
                    route.metrics.ecn = true
                } else {
                    parser.error("feature \(text) not supported", line, word: i, hint: "the only feature is ecn")
                }
            case "quickack", "fastopen_no_cookie":
                i += 1
                guard let value = u32(i, "\(word) value", max: 1) else { return nil }
                if word == "quickack" { route.metrics.quickAck = value == 1 } else { route.metrics.fastOpenNoCookie = value == 1 }
            case "congctl":
                i += 1
                guard var text = slot(i) else { return nil }
                if text == "lock" {
                    route.metrics.locked.insert(.congctl)
                    i += 1
                    guard let next = slot(i) else { return nil }
                    text = next
                }
                route.metrics.congestionControl = text
            case "pref":
                i += 1
                if family == .inet { return fail("pref is only valid for IPv6", i - 1, "remove pref from IPv4 routes") }
                family = .inet6
                guard let text = slot(i) else { return nil }
                switch text {
                case "low": route.preference = 3
                case "medium": route.preference = 0
                case "high": route.preference = 1
                default:
                    guard let value = u32(i, "pref value", max: 255) else { return nil }
                        route.preference = UInt8(value)
                }
            case "ttl-propagate":
                i += 1
                guard let text = slot(i) else { return nil }
                switch text {
                case "enabled": route.ttlPropagate = true
                case "disabled": route.ttlPropagate = false
                default:
                    parser.error("ttl-propagate value \(text) not recognised", line, word: i, hint: "use enabled or disabled")
                    route.ttlPropagate = false
                }
            case "add": route.installMode = .add
            case "prepend": route.installMode = .prepend
            case "append": route.installMode = .append
            case "or":
                parser.error("\"or\" for routes is deprecated. Please use \"nexthop\"", line, word: i, hint: "write nexthop via A nexthop via B")
                if !route.nexthops.isEmpty {
                    parser.error("\"or\" route already specified - ignoring subsequent", line, word: i, hint: "use nexthop for more than two gateways")
                    i += 2
                    continue
                }
                route.nexthops.append(RouteNexthop(gateway: route.gateway))
                route.gateway = nil
                i += 1
                guard let text = slot(i) else { return nil }
                guard let other = parseIP(parser, text, line, word: i, allowPrefix: false) else {
                    return fail("Invalid \"or\" address \(text)", i, "give a plain gateway address")
                }
                route.nexthops.append(RouteNexthop(gateway: other.address))
            case "nexthop":
                if !route.nexthops.isEmpty {
                    parser.error("Cannot specify nexthops with \"or\" route", line, word: i, hint: "use either or, or nexthop")
                } else {
                    doNexthop = true
                }
                break scan
            case "no_track":
                route.noTrack = true
            case "track_group" where isStatic:
                i += 1
                guard let name = slot(i) else { return nil }
                let result = trackGroup(parser, line, word: i, name: name, current: route.trackGroup, owner: "route")
                route.trackGroup = result.group
                if result.stop { break scan }
            case "vrf":
                i += 1
                guard let name = slot(i) else { return nil }
                guard parser.lookupInterface(name) != nil else {
                    return fail("VRF \(name) not found for route", i, "name an existing VRF device")
                }
                route.vrf = name
            default:
                if word == "to" { i += 1 }
                if word != "to", let type = RouteType(name: word) {
                    route.type = type
                    i += 1
                }
                guard let text = slot(i) else { return nil }
                destinationText = text
                guard let (destination, targetFamily) = parseRouteTarget(parser, text, line, word: i) else {
                    return fail("unknown route keyword \(text)", i, "check the spelling of the route's options")
                }
                route.destination = destination
                haveDestination = true
                guard mix(targetFamily, i, suffix: " (\(text))") else { return nil }
            }
            i += 1
        }

        if doNexthop {
            parseNexthops(parser, line, from: i, into: &route, family: &family)
        } else if i < line.count {
            return fail("Route has trailing nonsense - \(line.tokens[i].text)", i, "remove the words keepalived does not understand")
        }
        guard haveDestination else {
            return fail("Route must have a destination", 0, "give the destination prefix (or default)")
        }
        if !route.noTrack {
            if let given = route.routeProtocol, given != Route.keepalivedProtocol {
                parser.error("Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol", line,
                             hint: "add no_track to keep protocol \(given)")
            }
            route.routeProtocol = Route.keepalivedProtocol
            if route.interface == nil {
                parser.error("Warning - cannot track route \(destinationText ?? "") with no interface specified, not tracking", line,
                             hint: "add dev DEV to track the route, or no_track to silence this")
                route.noTrack = true
            }
        }
        if route.trackGroup != nil && route.interface == nil {
            parser.error("Static route cannot have track group if no oif specified", line, hint: "add dev DEV")
            route.trackGroup = nil
        }
        route.family = family ?? .inet
        return route
    }
}
