import CNetSNMP
import Glibc
import SNMPModel
import Synchronization

/// Everything the C callbacks reach: net-snmp calls plain C function pointers, so the state they
/// touch is one global constant, and all of it is behind mutexes (the handlers run on the SNMP
/// thread; publishers and trap senders are other threads).
final class AgentState: Sendable {
    static let shared = AgentState()

    private struct Published {
        var generation: UInt64 = 0
        var build: (@Sendable () -> MIBView)?
        /// A view older than this is built again even without a newer publication (it shows
        /// something that changes by itself, such as the kernel's counters).
        var maximumAge: Duration?
        var traps = TrapQueue(limit: 10_000)
        var counters = AgentXSubagent.Counters()
        var stopping = false
        var log: (@Sendable (String) -> Void)?
        /// Where checked SETs go (nil: every object is read-only).
        var writer: (@Sendable ([SNMPWrite]) -> Void)?
    }

    /// The view answering the current PDU (only the SNMP thread touches it).
    private struct Answering {
        var generation: UInt64 = .max
        var pdu: Int = -2
        var view = MIBView.empty
        var built = ContinuousClock.now
    }

    private let published = Mutex(Published())
    private let answering = Mutex(Answering())
    /// The wake pipe: publishers write a byte, the SNMP loop sees it through register_readfd.
    private let wake: (read: Int32, write: Int32)

    private init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wake = (fds[0], fds[1])
    }

    func configure(trapLimit: Int, log: @escaping @Sendable (String) -> Void) {
        published.withLock {
            $0.traps = TrapQueue(limit: trapLimit)
            $0.log = log
            $0.stopping = false
        }
    }

    func acceptWrites(_ writer: @escaping @Sendable ([SNMPWrite]) -> Void) {
        published.withLock { $0.writer = writer }
    }

    var writer: (@Sendable ([SNMPWrite]) -> Void)? { published.withLock { $0.writer } }

    func log(_ line: String) {
        published.withLock { $0.log }?(line)
    }

    func publish(_ build: @escaping @Sendable () -> MIBView, maximumAge: Duration?) {
        published.withLock {
            $0.generation &+= 1
            $0.build = build
            $0.maximumAge = maximumAge
        }
    }

    func enqueue(_ notification: SNMPNotification) {
        published.withLock { $0.traps.append(notification) }
        signal()
    }

    var counters: AgentXSubagent.Counters {
        published.withLock {
            var counters = $0.counters
            counters.trapsDropped = $0.traps.dropped
            counters.trapsPending = $0.traps.count
            return counters
        }
    }

    func requestStop() {
        published.withLock { $0.stopping = true }
        signal()
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    func drainWake() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wake.read, &buffer, buffer.count) > 0 {}
    }

    func setConnected(_ connected: Bool) {
        let changed = published.withLock {
            let changed = $0.counters.connected != connected
            $0.counters.connected = connected
            if connected && changed { $0.counters.connects += 1 }
            return changed
        }
        if changed {
            log(connected ? "SNMP: connected to the AgentX master agent" : "SNMP: lost the AgentX master agent; reconnecting")
            if connected { signal() }
        }
    }

    /// The view for the PDU being answered: rebuilt when a newer one was published or the current
    /// one passed its maximum age, but never in the middle of a PDU, so one PDU sees one snapshot.
    func view(forPDU pdu: Int) -> MIBView {
        answering.withLock { answering in
            if answering.pdu == pdu { return answering.view }
            answering.pdu = pdu
            let (generation, build, maximumAge) = published.withLock { ($0.generation, $0.build, $0.maximumAge) }
            let now = ContinuousClock.now
            let stale = maximumAge.map { answering.built + $0 <= now } ?? false
            if generation != answering.generation || stale, let build {
                answering.view = build()
                answering.generation = generation
                answering.built = now
            }
            return answering.view
        }
    }

    // MARK: The SNMP thread

    func setUpNetSNMP(_ configuration: AgentXSubagent.Configuration) {
        setenv("MIBS", "", 1)
        snmp_disable_log()
        netsnmp_ds_set_boolean(Int32(NETSNMP_DS_APPLICATION_ID), Int32(NETSNMP_DS_AGENT_ROLE), 1)
        netsnmp_ds_set_string(Int32(NETSNMP_DS_APPLICATION_ID), Int32(NETSNMP_DS_AGENT_X_SOCKET), configuration.socket)
        netsnmp_ds_set_boolean(Int32(NETSNMP_DS_LIBRARY_ID), Int32(NETSNMP_DS_LIB_DONT_PERSIST_STATE), 1)
        netsnmp_ds_set_boolean(Int32(NETSNMP_DS_LIBRARY_ID), Int32(NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD), 1)
        netsnmp_ds_set_boolean(Int32(NETSNMP_DS_LIBRARY_ID), Int32(NETSNMP_DS_LIB_ALARM_DONT_USE_SIG), 1)
        snmp_register_callback(Int32(SNMP_CALLBACK_APPLICATION), Int32(cnetsnmp_index_start), agentxConnected, nil)
        snmp_register_callback(Int32(SNMP_CALLBACK_APPLICATION), Int32(cnetsnmp_index_stop), agentxDisconnected, nil)
        init_agent(configuration.name)
        // init_agent resets the ping interval; set it afterwards.
        netsnmp_ds_set_int(Int32(NETSNMP_DS_APPLICATION_ID), Int32(NETSNMP_DS_AGENT_AGENTX_PING_INTERVAL), configuration.pingInterval)
        init_snmp(configuration.name)
        for module in configuration.modules {
            var arcs = module.root.arcs.map { oid($0) }
            let registration = netsnmp_create_handler_registration(
                module.description, agentxRequestHandler, &arcs, arcs.count, Int32(cnetsnmp_handler_can_rwrite))
            if netsnmp_register_handler(registration) != MIB_REGISTERED_OK {
                log("SNMP: unable to register \(module.description) at \(module.root)")
            }
            register_sysORTable(&arcs, arcs.count, "The MIB module for \(module.description)")
        }
        register_readfd(wake.read, agentxWake, nil)
    }

    /// Until stopped: net-snmp's select loop (requests, pings, reconnects), and queued traps in
    /// small batches while the master is there.
    func loop(batch: Int) {
        while true {
            agent_check_and_process(1)
            let (stopping, connected) = published.withLock { ($0.stopping, $0.counters.connected) }
            if connected { sendTraps(batch: batch) }
            if stopping {
                // Give queued traps a last chance (bounded) before leaving.
                var rounds = 0
                while connected, rounds < 64, published.withLock({ !$0.traps.isEmpty }) {
                    sendTraps(batch: batch)
                    agent_check_and_process(0)
                    rounds += 1
                }
                return
            }
        }
    }

    private func sendTraps(batch: Int) {
        let due = published.withLock { $0.traps.take(batch) }
        for notification in due { VarbindEncoding.sendTrap(notification) }
        let more = published.withLock {
            $0.counters.trapsSent += due.count
            return !$0.traps.isEmpty
        }
        if more { signal() }
    }
}

// MARK: C callbacks (plain functions: they run on the SNMP thread)

private func agentxWake(_ fd: Int32, _ context: UnsafeMutableRawPointer?) {
    AgentState.shared.drainWake()
}

private func agentxConnected(_ major: Int32, _ minor: Int32, _ server: UnsafeMutableRawPointer?, _ client: UnsafeMutableRawPointer?) -> Int32 {
    // net-snmp passes the session it just opened to the master.
    if let session = server?.assumingMemoryBound(to: netsnmp_session.self), !DirectAnswers.route(session) {
        AgentState.shared.log("SNMP: the AgentX session is not net-snmp's; requests take net-snmp's internal agent")
    }
    AgentState.shared.setConnected(true)
    return 0
}

private func agentxDisconnected(_ major: Int32, _ minor: Int32, _ server: UnsafeMutableRawPointer?, _ client: UnsafeMutableRawPointer?) -> Int32 {
    SetRequests.reset()
    AgentState.shared.setConnected(false)
    return 0
}

/// One raw handler per registered subtree: GET and GETNEXT from the sorted view by binary search, for
/// the requests `DirectAnswers` leaves to net-snmp's internal agent, and the phases of a SET.
private func agentxRequestHandler(
    _ handler: UnsafeMutablePointer<netsnmp_mib_handler>?, _ registration: UnsafeMutablePointer<netsnmp_handler_registration>?,
    _ info: UnsafeMutablePointer<netsnmp_agent_request_info>?, _ requests: UnsafeMutablePointer<netsnmp_request_info>?
) -> Int32 {
    guard let registration, let info else { return SNMP_ERR_NOERROR }
    let root = OID(UnsafeBufferPointer(start: registration.pointee.rootoid, count: registration.pointee.rootoid_len).map { UInt32(truncatingIfNeeded: $0) })
    let view = AgentState.shared.view(forPDU: cnetsnmp_request_pdu_id(info))
    let mode = info.pointee.mode
    guard mode == Int32(cnetsnmp_mode_get) || mode == Int32(cnetsnmp_mode_getnext) else {
        SetRequests.handle(mode: mode, transaction: cnetsnmp_request_transaction_id(info), view: view, info: info, requests: requests)
        return SNMP_ERR_NOERROR
    }
    var next = requests
    while let request = next {
        next = request.pointee.next
        guard request.pointee.processed == 0, let varbind = request.pointee.requestvb else { continue }
        let name = VarbindEncoding.name(of: varbind)
        if mode == Int32(cnetsnmp_mode_get) {
            switch view.get(name) {
            case let .value(value): VarbindEncoding.set(varbind, value)
            case .noSuchObject: netsnmp_set_request_error(info, request, Int32(cnetsnmp_no_such_object))
            case .noSuchInstance: netsnmp_set_request_error(info, request, Int32(cnetsnmp_no_such_instance))
            }
        } else if mode == Int32(cnetsnmp_mode_getnext) {
            // Nothing further here: left unanswered, the agent moves on to the next subtree.
            guard let binding = view.getNext(name, within: root) else { continue }
            var arcs = binding.oid.arcs.map { oid($0) }
            snmp_set_var_objid(varbind, &arcs, arcs.count)
            VarbindEncoding.set(varbind, binding.value)
        }
    }
    return SNMP_ERR_NOERROR
}
