import NetworkTypes

extension SNMPStatus {
    /// One vrrp_sync_group.
    public struct SyncGroup: Sendable, Hashable {
        public var name: String
        public var state: VrrpState
        /// Member instance names in the group's order (vrrpSyncGroupMemberTable).
        public var members: [String]
        /// keepalived.conf: track_interface/track_script weights apply to the group (sgroup_tracking_weight).
        public var trackingWeight: Bool
        public var smtpAlert: Bool
        public var notifyExec: Bool
        public var notifyMaster: String?
        public var notifyBackup: String?
        public var notifyFault: String?
        public var notifyStop: String?
        public var notify: String?

        public init(name: String, state: VrrpState = .initialize, members: [String] = [], trackingWeight: Bool = false,
                    smtpAlert: Bool = false, notifyExec: Bool = false, notifyMaster: String? = nil,
                    notifyBackup: String? = nil, notifyFault: String? = nil, notifyStop: String? = nil, notify: String? = nil) {
            self.name = name
            self.state = state
            self.members = members
            self.trackingWeight = trackingWeight
            self.smtpAlert = smtpAlert
            self.notifyExec = notifyExec
            self.notifyMaster = notifyMaster
            self.notifyBackup = notifyBackup
            self.notifyFault = notifyFault
            self.notifyStop = notifyStop
            self.notify = notify
        }
    }

    /// One vrrp_script and its current result.
    public struct Script: Sendable, Hashable {
        /// vrrpScriptResult numbering.
        public enum Result: Int, Sendable, Hashable {
            case initializing = 1
            case bad = 2
            case good = 3
            case initFailed = 5
        }
        public var name: String
        /// keepalived.conf: script, as keepalived prints the command line.
        public var command: String
        /// keepalived.conf: interval, in seconds.
        public var interval: Int
        public var weight: Int
        public var weightReverse: Bool
        public var result: Result
        public var rise: UInt32
        public var fall: UInt32

        public init(name: String, command: String, interval: Int = 1, weight: Int = 0, weightReverse: Bool = false,
                    result: Result = .initializing, rise: UInt32 = 1, fall: UInt32 = 1) {
            self.name = name; self.command = command; self.interval = interval; self.weight = weight
            self.weightReverse = weightReverse; self.result = result; self.rise = rise; self.fall = fall
        }
    }

    /// A virtual (or static) address and whether it is installed.
    public struct Address: Sendable, Hashable {
        public var address: IPAddress
        public var prefixLength: Int
        /// keepalived.conf: brd (IPv4 only).
        public var broadcast: IPAddress?
        /// keepalived.conf: scope, as the kernel number (0 global, 200 site, 253 link, 254 host, 255 nowhere).
        public var scope: Int
        public var ifIndex: UInt32
        public var ifName: String
        /// keepalived.conf: label.
        public var label: String?
        /// Installed right now.
        public var isSet: Bool
        /// keepalived.conf: peer.
        public var peer: IPAddress?

        public init(_ address: IPAddress, prefixLength: Int? = nil, broadcast: IPAddress? = nil, scope: Int = 0,
                    ifIndex: UInt32 = 0, ifName: String = "", label: String? = nil, isSet: Bool = false, peer: IPAddress? = nil) {
            self.address = address
            self.prefixLength = prefixLength ?? (address.family == .inet ? 32 : 128)
            self.broadcast = broadcast
            self.scope = scope
            self.ifIndex = ifIndex
            self.ifName = ifName
            self.label = label
            self.isSet = isSet
            self.peer = peer
        }
    }

    /// Per-instance protocol counters, named after keepalived's vrrp_stats fields.
    public struct Statistics: Sendable, Hashable {
        public var advertRcvd: UInt64 = 0
        public var becomeMaster: UInt32 = 0
        public var packetLenErr: UInt64 = 0
        public var advertIntervalErr: UInt64 = 0
        public var ipTtlErr: UInt64 = 0
        public var invalidTypeRcvd: UInt64 = 0
        public var addrListErr: UInt64 = 0
        public var invalidAuthtype: UInt32 = 0
        public var authtypeMismatch: UInt32 = 0
        public var authFailure: UInt32 = 0
        public var priZeroRcvd: UInt64 = 0
        public var priZeroSent: UInt64 = 0
        public var chkErr: UInt32 = 0
        public var versErr: UInt32 = 0
        public var vridErr: UInt32 = 0
        /// RFC 6527 new-master reason: notMaster 0, priority 1, preempted 2, masterNoResponse 3.
        public var masterReason: Int = 0
        /// RFC 6527 last protocol error: noError 0, ipTtlError 1, versionError 2, checksumError 3, vrIdError 4.
        public var protoErrReason: Int = 0
        public init() {}
    }
}
