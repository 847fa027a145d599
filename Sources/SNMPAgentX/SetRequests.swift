import CNetSNMP
import SNMPModel
import Synchronization

/// The phases of an SNMP SET as net-snmp runs them for our raw handlers (AgentX TestSet → RESERVE1
/// and RESERVE2, CommitSet → ACTION, CleanupSet → COMMIT or FREE, UndoSet → UNDO; RFC 2741 §7.2.4).
///
/// Every check happens in RESERVE1, against the view the PDU sees, so a refused varbind fails the
/// whole request before anything changes; the checked changes are handed on at COMMIT, as
/// keepalived 2.2.7's write methods apply theirs, and dropped on FREE or UNDO.
enum SetRequests {
    /// Checked changes by transaction, between RESERVE1 and COMMIT (only the SNMP thread touches them).
    private static let pending = Mutex<[Int: [SNMPWrite]]>([:])

    /// Forgets the transactions of a master agent that went away (it will never clean them up).
    static func reset() {
        pending.withLock { $0.removeAll() }
    }

    static func handle(
        mode: Int32, transaction: Int, view: MIBView, info: UnsafeMutablePointer<netsnmp_agent_request_info>,
        requests: UnsafeMutablePointer<netsnmp_request_info>?
    ) {
        switch mode {
        case Int32(cnetsnmp_mode_set_reserve1):
            let writer = AgentState.shared.writer
            var next = requests
            while let request = next {
                next = request.pointee.next
                guard request.pointee.processed == 0, let varbind = request.pointee.requestvb else { continue }
                var integer = 0
                let sent = cnetsnmp_integer_value(varbind, &integer) != 0 ? integer : nil
                let checked = writer == nil ? .failure(.notWritable) : SNMPWrite.request(VarbindEncoding.name(of: varbind), integer: sent, in: view)
                switch checked {
                case let .success(write): pending.withLock { $0[transaction, default: []].append(write) }
                case let .failure(refusal): netsnmp_set_request_error(info, request, refusal.rawValue)
                }
            }
        case Int32(cnetsnmp_mode_set_commit):
            // Several registered subtrees share a PDU: the first handler to commit hands on all of it.
            guard let writes = pending.withLock({ $0.removeValue(forKey: transaction) }) else { return }
            AgentState.shared.writer?(writes)
        case Int32(cnetsnmp_mode_set_free), Int32(cnetsnmp_mode_set_undo):
            _ = pending.withLock { $0.removeValue(forKey: transaction) }
        default:
            break
        }
    }
}
