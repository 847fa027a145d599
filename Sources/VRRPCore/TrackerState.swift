/// One tracked object's observed status (an interface, vrrp_script, track_file, track_process or
/// track_bfd), with keepalived's rise/fall debouncing for scripts.
///
///   script:  result counts 0 … rise+fall−1; OK from rise up, KO below.
///
///        success: +1 until rise−1, then OK (and jump to rise+fall−1)
///     ┌─────────┐ ──────────────────────────────────────────► ┌────┐
///     │ pending │                                             │ OK │
///     └─────────┘ ──► ┌────┐ ◄─── failure: −1 down to rise, ─ └────┘
///      failure        │ KO │       then KO (and jump to 0)
///                     └────┘
///
/// A value type fed results; it reports only changes that can move an instance.

/// Which object a tracker watches; the same object may be tracked by many instances.
public enum TrackerID: Hashable, Sendable, CustomStringConvertible {
    /// keepalived.conf: track_interface (and an instance's own interface unless dont_track_primary)
    case interface(String)
    /// keepalived.conf: vrrp_script / track_script
    case script(String)
    /// keepalived.conf: vrrp_track_file / track_file
    case file(String)
    /// keepalived.conf: vrrp_track_process / track_process
    case process(String)
    /// keepalived.conf: bfd_instance / track_bfd
    case bfd(String)
    /// An instance's advert source taken from its interface (no unicast_src_ip): without an
    /// address of its family there keepalived holds the instance in FAULT.
    case sourceAddress(instance: String)
    /// A configuration the instance cannot run with (unicast_fault_no_peer without peers):
    /// keepalived's num_config_faults, a FAULT that never clears.
    case configuration(instance: String)

    public var description: String {
        switch self {
        case let .interface(name): "interface \(name)"
        case let .script(name): "script \(name)"
        case let .file(name): "file \(name)"
        case let .process(name): "process \(name)"
        case let .bfd(name): "bfd \(name)"
        case let .sourceAddress(instance): "source address of \(instance)"
        case let .configuration(instance): "configuration of \(instance)"
        }
    }
}

/// What a probe of a tracked object reported.
public enum TrackerResult: Hashable, Sendable {
    /// Interface up, script exit 0, process quorum gained, BFD session up.
    case succeeded
    /// Interface down, quorum lost, BFD down, or a script's non-zero exit (`detail` as keepalived
    /// logs it, e.g. "exited with status 1").
    case failed(detail: String?)
    /// A script killed after its timeout (keepalived logs "timed_out").
    case timedOut
    /// The number read from a tracked file.
    case value(Int64)
}

/// The status instances see.
public enum TrackerStatus: Hashable, Sendable {
    /// A script with no result yet (keepalived's SCRIPT_INIT_STATE_INIT).
    case pending
    case ok
    case failed
    /// A tracked file's value.
    case value(Int64)
}

public struct TrackerState: Hashable, Sendable {
    public let id: TrackerID
    public private(set) var status: TrackerStatus
    /// keepalived.conf: rise (scripts; 1 when unset).
    public let rise: Int
    /// keepalived.conf: fall (scripts; 1 when unset).
    public let fall: Int
    /// The script's debounce counter (keepalived's vscript->result).
    public private(set) var result: Int

    /// A vrrp_script. keepalived's vrrp_init_script: the counter starts at rise−1 so that one success
    /// is enough, or at 0 with `init_fail` (the script counts as failed until `rise` successes).
    public static func script(_ name: String, rise: Int = 1, fall: Int = 1, initFail: Bool = false) -> TrackerState {
        let rise = max(rise, 1), fall = max(fall, 1)
        return TrackerState(id: .script(name), status: initFail ? .failed : .pending, rise: rise, fall: fall, result: initFail ? 0 : rise - 1)
    }

    /// An object that is simply up or down (interface, process quorum, BFD session).
    public static func upDown(_ id: TrackerID, up: Bool = true) -> TrackerState {
        TrackerState(id: id, status: up ? .ok : .failed, rise: 1, fall: 1, result: 0)
    }

    /// A tracked file holding `value` (keepalived reads it once before starting).
    public static func file(_ name: String, value: Int64 = 0) -> TrackerState {
        TrackerState(id: .file(name), status: .value(value), rise: 1, fall: 1, result: 0)
    }

    /// The state an object starts in when nothing was said about it: interfaces, processes and
    /// BFD sessions up, files at 0, scripts pending with rise = fall = 1.
    public static func initial(_ id: TrackerID) -> TrackerState {
        switch id {
        case let .script(name): .script(name)
        case let .file(name): .file(name)
        case .interface, .process, .bfd, .sourceAddress, .configuration: .upDown(id)
        }
    }

    private init(id: TrackerID, status: TrackerStatus, rise: Int, fall: Int, result: Int) {
        self.id = id
        self.status = status
        self.rise = rise
        self.fall = fall
        self.result = result
    }

    /// Records one result. Returns true when the status instances see has changed, with keepalived's
    /// log lines ("VRRP_Script(x) succeeded" / "failed") appended to `log`.
    public mutating func record(_ outcome: TrackerResult, log: inout [String]) -> Bool {
        let before = status
        switch (id, outcome) {
        case let (.script(name), .succeeded):
            // keepalived's vrrp_script_child_thread, success branch.
            if result < rise - 1 {
                result += 1
            } else if result != rise + fall - 1 {
                if result < rise {
                    log.append("VRRP_Script(\(name)) succeeded")
                    status = .ok
                }
                result = rise + fall - 1
            }
        case let (.script(name), .failed), let (.script(name), .timedOut):
            if result > rise {
                result -= 1
            } else {
                if result == rise || status == .pending {
                    switch outcome {
                    case .timedOut: log.append("VRRP_Script(\(name)) timed_out")
                    case let .failed(detail?): log.append("VRRP_Script(\(name)) failed (\(detail))")
                    default: log.append("VRRP_Script(\(name)) failed")
                    }
                    status = .failed
                }
                result = 0
            }
        case (.script, .value):
            break
        case let (.file, .value(number)):
            status = .value(number)
        case (.file, _):
            break
        case (_, .succeeded):
            status = .ok
        case (_, .failed), (_, .timedOut):
            status = .failed
        case (_, .value(let number)):
            status = number != 0 ? .ok : .failed
        }
        return status != before
    }
}
