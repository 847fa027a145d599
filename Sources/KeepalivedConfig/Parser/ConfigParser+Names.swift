/// Name look-ups over the blocks read so far, without rescanning them for every reference.
extension ConfigParser {
    /// The names of the blocks in `list` (for example every vrrp_script read so far). Blocks are
    /// appended as they are read, so the memo is extended with the new ones; anything else (a block
    /// removed) rebuilds it.
    func knownNames<Element>(_ list: KeyPath<Configuration, [Element]>, _ name: (Element) -> String) -> Set<String> {
        let elements = config[keyPath: list]
        // Taken out of the dictionary while it is extended, so the set is not copied.
        if var cached = nameCache.removeValue(forKey: list) {
            if cached.count == elements.count, cached.count == 0 || name(elements[cached.count - 1]) == cached.last {
                nameCache[list] = cached
                return cached.names
            }
            if cached.count < elements.count, cached.count == 0 || name(elements[cached.count - 1]) == cached.last {
                for index in cached.count..<elements.count { cached.names.insert(name(elements[index])) }
                cached.count = elements.count
                cached.last = name(elements[elements.count - 1])
                nameCache[list] = cached
                return cached.names
            }
        }
        let names = Set(elements.map(name))
        nameCache[list] = NameMemo(count: elements.count, last: elements.last.map(name) ?? "", names: names)
        return names
    }
}

/// knownNames' memo for one list.
struct NameMemo {
    var count: Int
    var last: String
    var names: Set<String>
}

extension ConfigParser {
    /// An interface as keepalived's parser finds it: the host's, or, with `dynamic_interfaces`, a
    /// placeholder for one that does not exist yet (down, no index) instead of an error.
    func lookupInterface(_ name: String) -> HostInterface? {
        if let found = host.interface(named: name) { return found }
        guard config.global.vrrp.dynamicInterfaces else { return nil }
        return HostInterface(name: name, index: 0, isUp: false)
    }
}
