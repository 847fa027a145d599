/// A vrrp_sync_group as the Engine runs it: members that change state together.
///
///              member enters FAULT               every member clear
///   ┌────────┐ ──────────────────► ┌───────┐ ─────────────────────► ┌────────┐
///   │ BACKUP │                     │ FAULT │                        │ BACKUP │
///   └───┬────┘ ◄───────────┐       └───────┘ ◄──── member FAULT ─── └────────┘
///       │ a member's down   │ a member leaves
///       │ timer fires and   │ MASTER for BACKUP
///       │ all want MASTER   │
///       ▼                   │
///   ┌────────┐ ─────────────┘
///   │ MASTER │                       stop (from any state) ──► STOP
///   └────────┘
public struct SyncGroup: Hashable, Sendable {
    public let id: SyncGroupID
    /// The members, in the configured order (the order the group moves them in).
    public let members: [InstanceID]
    /// keepalived's sgroup->state.
    public internal(set) var state: VRRPState = .initialize

    public init(id: SyncGroupID, members: [InstanceID]) {
        self.id = id
        self.members = members
    }

    /// The log line keepalived writes when it moves the other members (vrrp_sync.c).
    func syncingLine(to target: VRRPState) -> String {
        "VRRP_Group(\(id)) Syncing instances to \(target) state"
    }
}
