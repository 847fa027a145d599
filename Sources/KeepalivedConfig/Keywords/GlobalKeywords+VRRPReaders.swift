/// Value readers shared by the global_defs VRRP keywords.
extension ConfigParser {
    /// `KEYWORD N` with a required unsigned N; a bad N is reported with `message` ('%' is the word).
    func globalUnsigned(_ line: KeywordLine, _ range: ClosedRange<UInt64>, _ message: String) -> UInt64? {
        guard let text = argument(line, 1) else { return nil }
        guard let value = readUnsigned(text, range, line, word: 1) else {
            error(message.replacingPercent(with: text), line, word: 1,
                  hint: "give a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A repeat count: 0 is taken as 1 (keepalived's pre-2.0.7 compatibility), with an error.
    func globalRepeat(_ line: KeywordLine, _ name: String) -> UInt32? {
        guard var repeats = globalUnsigned(line, 0...UInt64(UInt32.max), "\(name) '%' invalid - ignoring") else { return nil }
        if repeats == 0 {
            error("\(name) must be greater than 0, setting to 1", line, word: 1, hint: "give at least 1")
            repeats = 1
        }
        return UInt32(repeats)
    }

    /// `KEYWORD [BOOL]` whose bad value keepalived reports with its own `message`.
    func globalBool(_ line: KeywordLine, _ message: String) -> Bool? {
        guard let word = line[1] else { return true }
        guard let value = ConfigParser.bool(word) else {
            error(message, line, word: 1, hint: "use on/off, true/false or yes/no, or nothing for on")
            return nil
        }
        return value
    }

    /// A decimal-seconds interval (µs) with keepalived's "very large" remark.
    func readGlobalInterval(
        _ line: KeywordLine, name: String, minimum: UInt64, large: UInt64,
        _ path: WritableKeyPath<GlobalDefinitions, UInt64>
    ) {
        guard let text = argument(line, 1) else { return }
        if let value = readDecimal(text, shift: 6, minimum...UInt64(UInt32.max), line, word: 1) {
            config.global[keyPath: path] = value
        } else {
            error("\(name) '\(text)' is invalid", line, word: 1,
                  hint: "give seconds from \(NumberText.format(minimum, shift: 6)) with at most 6 decimal places")
        }
        if config.global[keyPath: path] >= large {
            note("The \(name) is very large - \(text) seconds", line, word: 1)
        }
    }

    /// vrrp_mcast_group4 / vrrp_mcast_group6.
    func readMulticastGroup(_ line: KeywordLine, v6: Bool) {
        guard let text = argument(line, 1) else { return }
        let name = v6 ? "vrrp_mcast_group6" : "vrrp_mcast_group4"
        guard let address = IPAddress(text) else {
            return error("Can't parse \(name) [\(text)]. Skipping", line, word: 1, hint: "give an IPv\(v6 ? 6 : 4) multicast address")
        }
        guard address.family == (v6 ? .inet6 : .inet) else {
            return error("\(name) [\(text)] is not IPv\(v6 ? 6 : 4). Skipping", line, word: 1,
                         hint: "give an IPv\(v6 ? 6 : 4) multicast address")
        }
        guard address.isMulticast else {
            return error("\(name) [\(text)] is not multicast. Skipping", line, word: 1,
                         hint: v6 ? "use an ff02:: address" : "use an address in 224.0.0.0/4")
        }
        if v6 {
            let bytes = address.bytes
            if bytes[1] & 0x0f != 2 {
                warning("\(name) [\(text)] should be link-local multicast.", line, word: 1, hint: "use an ff02:: address")
            }
            config.global.vrrp.multicastGroup6 = address
        } else {
            config.global.vrrp.multicastGroup4 = address
        }
    }

    /// vrrp_garp_extra_if [all] SECONDS (and the deprecated vrrp_vmac_garp_intvl).
    func readGARPExtraInterface(_ line: KeywordLine) {
        let name = line.keyword
        if name == "vrrp_vmac_garp_intvl" {
            warning("Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use \"vrrp_garp_extra_if\"", line,
                    class: .deprecated, hint: "rename the keyword to vrrp_garp_extra_if")
        }
        var delay: UInt64 = 0
        for index in 1..<line.count {
            let word = line.tokens[index].text
            if word == "all" {
                config.global.vrrp.garpExtraAllInterfaces = true
            } else if let value = readUnsigned(word, 1...86400, line, word: index) {
                delay = value
            } else {
                return error("\(name) '\(word)' invalid - ignoring", line, word: index, hint: "give 1 to 86400 seconds")
            }
        }
        guard delay != 0 else {
            return error("\(name) specified without time - ignoring", line, hint: "give the interval in seconds")
        }
        config.global.vrrp.garpExtraInterfaceInterval = UInt32(delay)
    }

    /// vrrp_rx_bufs_policy MTU|ADVERT|SIZE ... (policies accumulate over repeated lines).
    func readReceiveBufferPolicy(_ line: KeywordLine) {
        guard line.count >= 2 else {
            return error("vrrp_rx_bufs_policy missing", line, hint: "give MTU, ADVERT or a size")
        }
        var mtu = false, advert = false
        var size: UInt32?
        switch config.global.vrrp.receiveBufferPolicy {
        case .mtu: mtu = true
        case .advert: advert = true
        case let .size(value): size = value
        case nil: break
        }
        for index in 1..<line.count {
            let word = line.tokens[index].text
            if word.uppercased() == "MTU" {
                mtu = true
            } else if word.uppercased() == "ADVERT" {
                advert = true
            } else if let value = readUnsigned(line.tokens[1].text, 0...UInt64(UInt32.max), line, word: 1) {
                // keepalived 2.2.7 reads the first word here whichever word it is looking at.
                size = UInt32(value)
            } else {
                error("Invalid vrrp_rx_bufs_policy \(word)", line, word: index, hint: "give MTU, ADVERT or a size in bytes")
            }
        }
        if let size, mtu || advert {
            error("Cannot set vrrp_rx_bufs_policy size and policy, ignoring policy", line, hint: "give either a size or a policy")
            config.global.vrrp.receiveBufferPolicy = .size(size)
        } else if let size {
            config.global.vrrp.receiveBufferPolicy = .size(size)
        } else if mtu && advert {
            error("Cannot set both vrrp_rx_bufs_policy MTU and ADVERT, ignoring ADVERT", line, hint: "give MTU or ADVERT")
            config.global.vrrp.receiveBufferPolicy = .mtu
        } else {
            config.global.vrrp.receiveBufferPolicy = mtu ? .mtu : advert ? .advert : nil
        }
    }
}

fileprivate extension String {
    /// The message with its '%' placeholder replaced by `word`.
    func replacingPercent(with word: String) -> String {
        guard let index = firstIndex(of: "%") else { return self }
        return self[..<index] + word + self[self.index(after: index)...]
    }
}
