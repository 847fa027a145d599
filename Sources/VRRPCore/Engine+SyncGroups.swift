/// Sync-group decisions of the Engine (keepalived's vrrp_sync.c).
extension Engine {
    /// keepalived's vrrp_sync_can_goto_master: a member may become master when its group is
    /// already MASTER, or when every other member wants MASTER too (its own down timer ran out).
    func groupAllowsMaster(_ id: InstanceID) -> Bool {
        guard let groupID = groupOf[id], let group = syncGroups[groupID] else { return true }
        if group.state == .master { return true }
        return group.members.allSatisfy { $0 == id || routers[$0]!.wantState == .master }
    }

    /// keepalived's vrrp_sync_master: the trigger became master, the others follow at once.
    mutating func syncMaster(_ groupID: SyncGroupID, trigger: InstanceID, now: Instant, _ actions: inout [Action]) {
        guard syncGroups[groupID]!.state != .master else { return }
        actions.append(.log(syncGroups[groupID]!.syncingLine(to: .master)))
        for member in syncGroups[groupID]!.members where member != trigger && routers[member]!.state != .master {
            run(member, .syncGroupMaster, now: now, &actions, followedByGroup: false)
        }
        setGroupState(groupID, .master, &actions)
    }

    /// keepalived's vrrp_sync_backup: the trigger left MASTER for BACKUP, the other masters follow.
    mutating func syncBackup(_ groupID: SyncGroupID, trigger: InstanceID, now: Instant, _ actions: inout [Action]) {
        guard syncGroups[groupID]!.state != .backup else { return }
        actions.append(.log(syncGroups[groupID]!.syncingLine(to: .backup)))
        for member in syncGroups[groupID]!.members where member != trigger && routers[member]!.state == .master {
            run(member, .syncGroupBackup, now: now, &actions, followedByGroup: false)
        }
        setGroupState(groupID, .backup, &actions)
    }

    /// Records the group's new state and asks for its notifications (keepalived's
    /// send_group_notifies).
    mutating func setGroupState(_ groupID: SyncGroupID, _ state: VRRPState, _ actions: inout [Action]) {
        let previous = syncGroups[groupID]!.state
        guard previous != state else { return }
        syncGroups[groupID]!.state = state
        actions.append(.groupTransition(groupID, from: previous, to: state))
    }
}
