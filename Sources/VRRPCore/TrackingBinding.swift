/// How one instance tracks one object, and what the object's status does to the instance
/// (keepalived's tracking_obj_t and its priority rules, vrrp_track.c).

/// One `track_*` entry of an instance (or of its sync group).
public struct TrackingBinding: Hashable, Sendable {
    public var tracker: TrackerID
    /// keepalived.conf: weight (0: a failure is a fault, not a priority change).
    public var weight: Int
    /// keepalived.conf: reverse (the multiplier becomes −1; with weight 0, success is the fault).
    public var reverse: Bool

    public init(_ tracker: TrackerID, weight: Int = 0, reverse: Bool = false) {
        self.tracker = tracker
        self.weight = weight
        self.reverse = reverse
    }

    var multiplier: Int { reverse ? -1 : 1 }

    /// The effect of the tracker's current status on the instance.
    ///
    /// keepalived changes total_priority by differences as results arrive; summing these
    /// per-status contributions gives the same totals.
    public func effect(of status: TrackerStatus) -> TrackingEffect {
        switch status {
        case .pending:
            // Unweighted scripts gate leaving the initial state; weighted ones add nothing yet.
            return weight == 0 ? .pending : .priority(0)
        case .ok, .failed:
            let ok = status == .ok
            if weight == 0 { return ok != (multiplier == 1) ? .fault : .priority(0) }
            // ok: + (w>0 ? w·m : 0); failed: + (w<0 ? w·m : 0)
            if ok { return .priority(weight > 0 ? weight * multiplier : 0) }
            return .priority(weight < 0 ? weight * multiplier : 0)
        case let .value(number):
            // keepalived's track_file: weight 0 faults on a non-zero value (reverse: on zero);
            // otherwise value × weight × multiplier, ≤ −254 being a fault and the rest capped at 253.
            if weight == 0 { return (number != 0) == (multiplier == 1) ? .fault : .priority(0) }
            let (product, overflow) = number.multipliedReportingOverflow(by: Int64(weight * multiplier))
            if overflow { return (number < 0) == (weight * multiplier > 0) ? .fault : .priority(253) }
            if product <= -254 { return .fault }
            return .priority(Int(min(product, 253)))
        }
    }
}

/// What a tracked object does to an instance right now.
public enum TrackingEffect: Hashable, Sendable {
    /// Adds this much to the total priority.
    case priority(Int)
    /// Holds the instance in FAULT.
    case fault
    /// A script with no result yet keeps the instance from starting.
    case pending
}

/// The combined effect of every tracker on one instance (keepalived's total_priority,
/// effective_priority, num_script_if_fault and num_script_init).
public struct TrackingSummary: Hashable, Sendable {
    /// keepalived's total_priority: base + Σ contributions (unclamped).
    public var totalPriority: Int
    /// keepalived's effective_priority: the total clamped to 1…254; an owner stays 255.
    public var effectivePriority: Priority
    /// The trackers currently holding the instance in FAULT.
    public var faults: [TrackerID]
    /// The unweighted scripts still without a result.
    public var pending: [TrackerID]

    public var isFaulty: Bool { !faults.isEmpty }

    /// keepalived's vrrp_set_effective_priority over the bindings' effects. Weighted trackers never
    /// move an address owner (keepalived removes them from owners).
    public init(base: Priority, bindings: [TrackingBinding], status: (TrackerID) -> TrackerStatus) {
        var total = Int(base.rawValue)
        faults = []
        pending = []
        for binding in bindings {
            switch binding.effect(of: status(binding.tracker)) {
            case let .priority(delta):
                if base != .owner { total += delta }
            case .fault:
                if !faults.contains(binding.tracker) { faults.append(binding.tracker) }
            case .pending:
                if !pending.contains(binding.tracker) { pending.append(binding.tracker) }
            }
        }
        totalPriority = total
        effectivePriority = base == .owner ? .owner : Priority(UInt8(min(max(total, 1), 254)))
    }
}
