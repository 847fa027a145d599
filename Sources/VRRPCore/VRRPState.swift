/// keepalived's instance states, with its internal numbers (also KEEPALIVED-MIB's VrrpState for
/// init/backup/master/fault).
public enum VRRPState: Int, Sendable, Hashable, CustomStringConvertible {
    case initialize = 0
    case backup = 1
    case master = 2
    case fault = 3
    case deleted = 97
    case stop = 98

    /// The word keepalived uses in logs and notifications.
    public var description: String {
        switch self {
        case .initialize: "INIT"
        case .backup: "BACKUP"
        case .master: "MASTER"
        case .fault: "FAULT"
        case .deleted: "DELETED"
        case .stop: "STOP"
        }
    }
}
