// The part of net-snmp's agent library the AgentX subagent uses, with the macros Swift cannot import
// re-exported as constants and inline functions. <features.h> must come first: net-snmp-config.h
// defines _GNU_SOURCE, and without it fd_set clashes with SwiftGlibc's.
#include <features.h>
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/agent/net-snmp-agent-includes.h>
#include <net-snmp/agent/agent_callbacks.h>
#include <net-snmp/agent/agent_sysORTable.h>

enum {
    cnetsnmp_mode_get = MODE_GET,
    cnetsnmp_mode_getnext = MODE_GETNEXT,
    cnetsnmp_no_such_object = SNMP_NOSUCHOBJECT,
    cnetsnmp_no_such_instance = SNMP_NOSUCHINSTANCE,
    cnetsnmp_end_of_mib_view = SNMP_ENDOFMIBVIEW,
    cnetsnmp_handler_can_ronly = HANDLER_CAN_RONLY,
    cnetsnmp_handler_can_rwrite = HANDLER_CAN_RWRITE,
    cnetsnmp_mode_set_reserve1 = MODE_SET_RESERVE1,
    cnetsnmp_mode_set_reserve2 = MODE_SET_RESERVE2,
    cnetsnmp_mode_set_action = MODE_SET_ACTION,
    cnetsnmp_mode_set_commit = MODE_SET_COMMIT,
    cnetsnmp_mode_set_free = MODE_SET_FREE,
    cnetsnmp_mode_set_undo = MODE_SET_UNDO,
    cnetsnmp_asn_integer = ASN_INTEGER,
    cnetsnmp_index_start = SNMPD_CALLBACK_INDEX_START,
    cnetsnmp_index_stop = SNMPD_CALLBACK_INDEX_STOP,
};

/// The PDU a request belongs to (its request id), so answers within one PDU come from one snapshot.
static inline long cnetsnmp_request_pdu_id(netsnmp_agent_request_info *info) {
    return (info && info->asp && info->asp->pdu) ? info->asp->pdu->reqid : -1;
}

/// The transaction a SET phase belongs to: AgentX sends each phase in a PDU of its own (RFC 2741
/// §7.2.4), all with the transaction id of the manager's request.
static inline long cnetsnmp_request_transaction_id(netsnmp_agent_request_info *info) {
    return (info && info->asp && info->asp->pdu) ? info->asp->pdu->transid : -1;
}

/// A SET varbind's value when the manager sent an INTEGER; 0 (and *value untouched) for any other type.
static inline int cnetsnmp_integer_value(const netsnmp_variable_list *varbind, long *value) {
    if (!varbind || varbind->type != ASN_INTEGER || !varbind->val.integer) return 0;
    *value = *varbind->val.integer;
    return 1;
}

/// AgentX PDU types (RFC 2741 §6.1; net-snmp's agentx/protocol.h is not installed) and the varbind
/// types net-snmp's AgentX parser gives a search range (the start's include flag; the value is the end).
enum {
    cnetsnmp_agentx_get = 5,
    cnetsnmp_agentx_getnext = 6,
    cnetsnmp_agentx_response = 18,
    cnetsnmp_range_including_start = ASN_PRIV_INCL_RANGE,
};

/// net-snmp's own callback for packets from the AgentX master (libnetsnmpagent, agentx/subagent.c).
int handle_agentx_packet(int operation, netsnmp_session *session, int reqid, netsnmp_pdu *pdu, void *magic);

/// Routes the master session's packets through `callback`; false (and nothing changed) when the session
/// does not use net-snmp's own callback.
static inline int cnetsnmp_route_master_session(netsnmp_session *session, netsnmp_callback callback) {
    if (!session || session->callback != handle_agentx_packet) return 0;
    session->callback = callback;
    return 1;
}
