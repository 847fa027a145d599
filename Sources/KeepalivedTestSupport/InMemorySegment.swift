import VRRPCore

/// A LAN segment made of data: several Engines whose adverts reach each other instantly, run on a
/// manual clock. The simulation tier's executor: it performs each Engine's actions in order
/// (timers, adverts, addresses) and records what happened, so tests read like a transcript.
public struct InMemorySegment {
    /// One keepalived on the segment.
    public struct Node {
        public let name: String
        /// The node's address on the segment (the adverts' source).
        public let address: [UInt8]
        public internal(set) var engine: Engine
        /// Armed instance timers (deadline and generation), as the executor holds them.
        public internal(set) var timers: [InstanceID: (at: Instant, generation: UInt64)] = [:]
        /// Instances whose virtual addresses this node holds now.
        public internal(set) var installed: Set<InstanceID> = []
        /// Whether the node's Engine runs (started, not stopped).
        public internal(set) var isRunning = false
    }

    /// One thing a node did, for transcripts.
    public struct Event: Hashable, CustomStringConvertible {
        public let time: Instant
        public let node: String
        public let action: Engine.Action
        public var description: String { "\(time) \(node) \(action)" }
    }

    public private(set) var now: Instant = .zero
    public private(set) var nodes: [Node] = []
    public private(set) var events: [Event] = []
    private var deliveries: [(from: Int, instance: InstanceID, advert: Advertisement)] = []

    public init() {}

    /// Adds a node; its instances' source addresses become `address`.
    public mutating func add(_ name: String, address: [UInt8], _ configuration: Engine.Configuration) {
        var configuration = configuration
        for index in configuration.instances.indices { configuration.instances[index].router.sourceAddress = address }
        nodes.append(Node(name: name, address: address, engine: Engine(configuration)))
    }

    public mutating func start(_ name: String) {
        let index = self.index(name)
        nodes[index].isRunning = true
        feed(index, .start)
    }

    public mutating func stop(_ name: String) {
        let index = self.index(name)
        feed(index, .stop)
        nodes[index].isRunning = false
        nodes[index].timers = [:]
    }

    /// Gives one node an input now (tracker results, link changes).
    public mutating func inject(_ name: String, _ input: Engine.Input) {
        feed(index(name), input)
    }

    /// Runs every timer due up to `deadline`, in time order, then sets the clock to `deadline`.
    public mutating func run(until deadline: Instant) {
        while let (index, instance, timer) = nextTimer(), timer.at <= deadline {
            now = max(now, timer.at)
            nodes[index].timers[instance] = nil
            feed(index, .timerExpired(instance, generation: timer.generation))
        }
        now = max(now, deadline)
    }

    /// Runs for `seconds` more of simulated time.
    public mutating func advance(seconds: Double) {
        run(until: now.adding(UInt64(seconds * 1_000_000)))
    }

    public func node(_ name: String) -> Node { nodes[index(name)] }

    public func state(_ name: String, _ instance: InstanceID) -> VRRPState? {
        node(name).engine.routers[instance]?.state
    }

    /// The nodes holding `instance`'s virtual addresses: exactly one in a healthy segment.
    public func holders(of instance: InstanceID) -> [String] {
        nodes.filter { $0.installed.contains(instance) }.map(\.name)
    }

    /// The transitions recorded so far, as "node instance FROM->TO".
    public var transitions: [String] {
        events.compactMap { event in
            guard case let .instance(id, .transition(from, to)) = event.action else { return nil }
            return "\(event.node) \(id) \(from)->\(to)"
        }
    }

    // MARK: - Executor

    private func index(_ name: String) -> Int {
        guard let index = nodes.firstIndex(where: { $0.name == name }) else { preconditionFailure("no node \(name)") }
        return index
    }

    private func nextTimer() -> (Int, InstanceID, (at: Instant, generation: UInt64))? {
        var best: (Int, InstanceID, (at: Instant, generation: UInt64))?
        for (index, node) in nodes.enumerated() where node.isRunning {
            for (instance, timer) in node.timers.sorted(by: { $0.key < $1.key }) where best == nil || timer.at < best!.2.at {
                best = (index, instance, timer)
            }
        }
        return best
    }

    private mutating func feed(_ index: Int, _ input: Engine.Input) {
        perform(index, nodes[index].engine.handle(input, now: now))
        while !deliveries.isEmpty {
            let delivery = deliveries.removeFirst()
            for target in nodes.indices where target != delivery.from && nodes[target].isRunning {
                for id in nodes[target].engine.instanceIDs {
                    let router = nodes[target].engine.routers[id]!
                    guard router.configuration.vrid == delivery.advert.vrid, router.state == .backup || router.state == .master else { continue }
                    let input = Engine.Input.advertisementReceived(id, delivery.advert, source: nodes[delivery.from].address)
                    perform(target, nodes[target].engine.handle(input, now: now))
                }
            }
        }
    }

    private mutating func perform(_ index: Int, _ actions: [Engine.Action]) {
        for action in actions {
            events.append(Event(time: now, node: nodes[index].name, action: action))
            guard case let .instance(id, routerAction) = action else { continue }
            switch routerAction {
            case let .armTimer(at, generation):
                nodes[index].timers[id] = (at, generation)
            case .cancelTimer:
                nodes[index].timers[id] = nil
            case .addAddresses:
                nodes[index].installed.insert(id)
            case .removeAddresses:
                nodes[index].installed.remove(id)
            case let .sendAdvertisement(priority, _):
                let configuration = nodes[index].engine.routers[id]!.configuration
                let interval = configuration.version == .v2
                    ? UInt16(configuration.advertisementInterval / 1_000_000)
                    : UInt16(configuration.advertisementInterval / 10_000)
                let advert = Advertisement(version: configuration.version, vrid: configuration.vrid, priority: priority, addresses: [], interval: interval)
                deliveries.append((index, id, advert))
            case .announceAddresses, .armAnnounceTimer, .transition, .log, .masterReceivedLowerPriority:
                break
            }
        }
    }
}
