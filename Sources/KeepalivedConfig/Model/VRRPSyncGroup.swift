/// keepalived.conf: vrrp_sync_group NAME { ... } — instances that change state together.
public struct VRRPSyncGroup: Sendable {
    /// keepalived.conf: vrrp_sync_group NAME
    public var name: String
    /// keepalived.conf: group { INSTANCE ... } (names as written; resolved by VRRP validation)
    public var members: [Token] = []
    /// Whether a `group` list was given (an empty one is reported, and the group later removed).
    public var hasGroupList = false
    public var location: SourceLocation
    /// keepalived.conf: track_interface { IF [weight N [reverse]] ... }
    public var trackInterfaces: [TrackedObject] = []
    /// keepalived.conf: track_script { NAME [weight N [reverse|noreverse]] ... }
    public var trackScripts: [TrackedObject] = []
    /// keepalived.conf: track_file { NAME [weight N [reverse|noreverse]] ... }
    public var trackFiles: [TrackedObject] = []
    /// keepalived.conf: track_process { NAME [weight N [reverse|noreverse]] ... }
    public var trackProcesses: [TrackedObject] = []
    /// keepalived.conf: track_bfd { NAME [weight N [reverse|noreverse]] ... }
    public var trackBFDs: [TrackedObject] = []
    /// keepalived.conf: notify_backup
    public var notifyBackup: NotifyScript?
    /// keepalived.conf: notify_master
    public var notifyMaster: NotifyScript?
    /// keepalived.conf: notify_fault
    public var notifyFault: NotifyScript?
    /// keepalived.conf: notify_stop
    public var notifyStop: NotifyScript?
    /// keepalived.conf: notify (gets "GROUP" NAME STATE PRIORITY appended)
    public var notify: NotifyScript?
    /// keepalived.conf: smtp_alert [BOOL]; nil means the global default (enable_smtp_alert).
    public var smtpAlert: Bool?
    /// keepalived.conf: sync_group_tracking_weight (or the deprecated global_tracking)
    public var trackingWeight = false
    /// keepalived.conf: notify_priority_changes [BOOL]; nil means the global default.
    public var notifyPriorityChanges: Bool?

    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
