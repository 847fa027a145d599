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
    cnetsnmp_index_start = SNMPD_CALLBACK_INDEX_START,
    cnetsnmp_index_stop = SNMPD_CALLBACK_INDEX_STOP,
};

/// The PDU a request belongs to (its request id), so answers within one PDU come from one snapshot.
static inline long cnetsnmp_request_pdu_id(netsnmp_agent_request_info *info) {
    return (info && info->asp && info->asp->pdu) ? info->asp->pdu->reqid : -1;
}
