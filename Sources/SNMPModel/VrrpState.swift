/// keepalived's VRRP state numbering (its VrrpState textual convention, which starts at 0).
public enum VrrpState: Int, Sendable, Hashable, CaseIterable {
    case initialize = 0
    case backup = 1
    case master = 2
    case fault = 3
    /// Shown in tables for any state beyond fault.
    case unknown = 4
    /// Instance or group stopping (keepalived's VRRP_STATE_STOP); traps report 5, tables report unknown(4).
    case shutdown = 5
    /// Instance removed on reload (VRRP_STATE_DELETED); traps report 6, tables report unknown(4).
    case deleted = 6

    /// The value a KEEPALIVED-MIB table column shows: anything beyond fault reads unknown(4).
    public var tableValue: Int { rawValue <= VrrpState.fault.rawValue ? rawValue : VrrpState.unknown.rawValue }

    /// The value a KEEPALIVED-MIB state-change trap carries: 0...3, shutdown 5, deleted 6, else unknown 4.
    public var trapValue: Int { rawValue }

    /// RFC 2787 / RFC 6527 operational state: initialize(1), backup(2), master(3); fault reads initialize.
    public var rfcValue: Int {
        switch self {
        case .initialize: 1
        case .backup: 2
        case .master: 3
        default: 1
        }
    }
}
