import CNetSNMP
import Glibc
import SNMPModel
import Synchronization

/// The AgentX subagent: one dedicated thread owns every net-snmp call, answers GET/GETNEXT from the
/// latest published MIB view and sends traps. The daemon only publishes views and queues traps; it
/// never waits on this thread, so a stopped or hung snmpd cannot delay VRRP.
///
/// net-snmp keeps global state, so a process runs at most one subagent.
public final class AgentXSubagent: Sendable {
    public struct Configuration: Sendable {
        /// The master agent's socket (keepalived.conf: snmp_socket, `-A`): `unix:/path`, `tcp:host:port`, or a path.
        public var socket: String
        /// The subtrees registered with the master, each with its sysORTable description.
        public var modules: [Module]
        /// Seconds between AgentX pings, and between reconnect attempts while the master is away.
        public var pingInterval: Int32
        /// Traps kept while the master is away; the oldest is dropped (and counted) beyond this.
        public var trapQueueLimit: Int
        /// Traps sent per wake-up: a burst must not wedge the AgentX stream.
        public var trapBatch: Int
        /// The name net-snmp logs and reads its configuration under.
        public var name: String

        public init(socket: String = "unix:/var/agentx/master", modules: [Module], pingInterval: Int32 = 1,
                    trapQueueLimit: Int = 10_000, trapBatch: Int = 16, name: String = "Keepalived") {
            self.socket = socket
            self.modules = modules
            self.pingInterval = pingInterval
            self.trapQueueLimit = trapQueueLimit
            self.trapBatch = trapBatch
            self.name = name
        }
    }

    /// A registered subtree: keepalived registers its global group, its vrrp subtree and each RFC MIB apart.
    public struct Module: Sendable, Hashable {
        public var root: OID
        /// The sysORTable description.
        public var description: String
        public init(root: OID, description: String) { self.root = root; self.description = description }
    }

    /// What the subagent has done, for logs, metrics and tests.
    public struct Counters: Sendable, Hashable {
        public var connected: Bool = false
        public var connects: Int = 0
        public var trapsSent: Int = 0
        public var trapsDropped: Int = 0
        public var trapsPending: Int = 0
    }

    let configuration: Configuration
    private let thread: Mutex<pthread_t?> = Mutex(nil)

    /// Creates the subagent; `start()` begins talking to the master.
    public init(_ configuration: Configuration, log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        AgentState.shared.configure(trapLimit: configuration.trapQueueLimit, log: log)
    }

    /// Publishes a new view. `build` runs lazily on the SNMP thread, at most once per request PDU, so
    /// the publisher pays nothing for views nobody reads; with `maximumAge` it runs again for a
    /// request that comes later than that after the last build.
    public func publish(maximumAge: Duration? = nil, _ build: @escaping @Sendable () -> MIBView) {
        AgentState.shared.publish(build, maximumAge: maximumAge)
    }

    /// Lets managers SET the objects `SNMPWrite` allows: each PDU's checked changes go to `apply`
    /// on the SNMP thread once the master commits them; `apply` must only hand them on (post them
    /// to the threads that own the state), never wait. Without it every object is read-only.
    public func acceptWrites(_ apply: @escaping @Sendable ([SNMPWrite]) -> Void) {
        AgentState.shared.acceptWrites(apply)
    }

    /// Queues a trap; it is sent in order once the master agent is there.
    public func send(_ notification: SNMPNotification) {
        AgentState.shared.enqueue(notification)
    }

    public var counters: Counters { AgentState.shared.counters }

    /// Starts the SNMP thread.
    public func start() {
        let box = Unmanaged.passRetained(self)
        var handle = pthread_t()
        pthread_create(&handle, nil, { argument in
            let agent = Unmanaged<AgentXSubagent>.fromOpaque(argument!).takeRetainedValue()
            agent.run()
            return nil
        }, box.toOpaque())
        thread.withLock { $0 = handle }
    }

    /// Stops the thread (after the traps already queued had their chance) and waits for it.
    public func stop() {
        AgentState.shared.requestStop()
        if let handle = thread.withLock({ $0 }) { pthread_join(handle, nil) }
    }

    private func run() {
        AgentState.shared.setUpNetSNMP(configuration)
        AgentState.shared.loop(batch: configuration.trapBatch)
        snmp_shutdown(configuration.name)
    }
}
