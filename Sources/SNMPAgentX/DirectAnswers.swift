import CNetSNMP
import SNMPModel

/// AgentX Get and GetNext answered on the master session's own callback, from the published view.
///
/// net-snmp's subagent passes each request from the master to its internal agent over a callback
/// transport (a pipe, and a trip through the select loop each way) and sends the internal answer
/// back: three wake-ups and a dozen system calls per varbind of a walk. Answering in place takes one.
/// The answers are the ones the registered handler gives (`agentxRequestHandler`); GetBulk, the Set
/// phases, a non-default context and the disconnect notice still go to net-snmp's own callback.
enum DirectAnswers {
    /// Takes over the master session net-snmp just opened (on every connect, reconnects included).
    static func route(_ session: UnsafeMutablePointer<netsnmp_session>) -> Bool {
        cnetsnmp_route_master_session(session, agentxMasterPacket) != 0
    }

    /// Whether `pdu` is a request answered here.
    static func answers(_ pdu: netsnmp_pdu) -> Bool {
        (pdu.command == Int32(cnetsnmp_agentx_get) || pdu.command == Int32(cnetsnmp_agentx_getnext)) && pdu.community_len == 0
    }

    /// The Response to a Get or GetNext (RFC 2741 §7.2.3): the request's header and search ranges,
    /// each range replaced by its answer.
    static func respond(to pdu: UnsafeMutablePointer<netsnmp_pdu>, on session: UnsafeMutablePointer<netsnmp_session>) {
        guard let response = snmp_clone_pdu(pdu) else { return }
        let view = AgentState.shared.view(forPDU: Int(pdu.pointee.reqid))
        let isGet = pdu.pointee.command == Int32(cnetsnmp_agentx_get)
        var next = response.pointee.variables
        while let varbind = next {
            next = varbind.pointee.next_variable
            if isGet { answerGet(varbind, from: view) } else { answerGetNext(varbind, from: view) }
        }
        response.pointee.command = Int32(cnetsnmp_agentx_response)
        response.pointee.version = session.pointee.version
        response.pointee.errstat = 0
        response.pointee.errindex = 0
        if snmp_send(session, response) == 0 { snmp_free_pdu(response) }
    }

    /// RFC 2741 §7.2.3.1: the instance, or which exception.
    private static func answerGet(_ varbind: UnsafeMutablePointer<netsnmp_variable_list>, from view: MIBView) {
        switch view.get(VarbindEncoding.name(of: varbind)) {
        case let .value(value): VarbindEncoding.set(varbind, value)
        case .noSuchObject: snmp_set_var_typed_value(varbind, UInt8(cnetsnmp_no_such_object), nil, 0)
        case .noSuchInstance: snmp_set_var_typed_value(varbind, UInt8(cnetsnmp_no_such_instance), nil, 0)
        }
    }

    /// RFC 2741 §7.2.3.2: the next instance within the range, else endOfMibView under the start's name.
    private static func answerGetNext(_ varbind: UnsafeMutablePointer<netsnmp_variable_list>, from view: MIBView) {
        let including = varbind.pointee.type == UInt8(cnetsnmp_range_including_start)
        let end = OID(UnsafeBufferPointer(start: varbind.pointee.val.objid, count: varbind.pointee.val_len / MemoryLayout<oid>.stride)
            .map { UInt32(truncatingIfNeeded: $0) })
        guard let binding = view.getNext(VarbindEncoding.name(of: varbind), including: including, before: end) else {
            snmp_set_var_typed_value(varbind, UInt8(cnetsnmp_end_of_mib_view), nil, 0)
            return
        }
        var arcs = binding.oid.arcs.map { oid($0) }
        snmp_set_var_objid(varbind, &arcs, arcs.count)
        VarbindEncoding.set(varbind, binding.value)
    }
}

/// The master session's callback (on the SNMP thread): Get and GetNext answered here, the rest by net-snmp.
private func agentxMasterPacket(
    _ operation: Int32, _ session: UnsafeMutablePointer<netsnmp_session>?, _ reqid: Int32, _ pdu: UnsafeMutablePointer<netsnmp_pdu>?,
    _ magic: UnsafeMutableRawPointer?
) -> Int32 {
    guard operation == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE, let session, let pdu, DirectAnswers.answers(pdu.pointee) else {
        return handle_agentx_packet(operation, session, reqid, pdu, magic)
    }
    // The master is there: its ping can wait, as net-snmp's callback has it.
    if session.pointee.securityModel != SNMP_DEFAULT_SECMODEL { snmp_alarm_reset(UInt32(session.pointee.securityModel)) }
    DirectAnswers.respond(to: pdu, on: session)
    return 1
}
