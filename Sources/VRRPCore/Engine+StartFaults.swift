/// The lines keepalived logs for instances that cannot start (its initialise_tracking_priorities):
/// one per instance and failing object, naming the reason, before any instance starts.
extension Engine {
    /// Objects several instances share are reported one kind at a time (interfaces, then tracked
    /// files, then tracked processes); then, per instance, its missing source address and failing
    /// scripts, and the first faulty member of each sync group syncs the group to FAULT.
    func startFaultLines() -> [Action] {
        var lines: [String] = []
        for kind in SharedKind.allCases {
            var objects: [TrackerID] = []
            for id in instanceIDs {
                for binding in bindings[id]! where SharedKind(binding.tracker) == kind && !objects.contains(binding.tracker) {
                    objects.append(binding.tracker)
                }
            }
            for tracker in objects {
                for id in instanceIDs where tracking[id]!.faults.contains(tracker) {
                    if let line = faultReason(tracker, of: id) { lines.append(line) }
                }
            }
        }
        var syncing = Set<SyncGroupID>()
        for id in instanceIDs {
            let own = tracking[id]!.faults.filter { SharedKind($0) == nil }
            let addressFirst = own.filter { if case .sourceAddress = $0 { true } else { false } }
            for tracker in addressFirst + own.filter({ !addressFirst.contains($0) }) {
                if let line = faultReason(tracker, of: id) { lines.append(line) }
            }
            if tracking[id]!.isFaulty, let group = groupOf[id], syncing.insert(group).inserted {
                lines.append("VRRP_Group(\(group)): Syncing \(routers[id]!.configuration.name) to FAULT state")
            }
        }
        return lines.map { .log($0) }
    }

    /// keepalived's wording of why `tracker` holds instance `id` in FAULT (BFD sessions log nothing).
    private func faultReason(_ tracker: TrackerID, of id: InstanceID) -> String? {
        let name = routers[id]!.configuration.name
        switch tracker {
        case let .interface(interface):
            return "(\(name)): entering FAULT state (interface \(interface) down)"
        case let .file(file):
            // keepalived logs the status it computed: −254 for an unweighted file, else value × weight.
            guard let binding = bindings[id]!.first(where: { $0.tracker == tracker }),
                  case let .value(value) = trackers[tracker]?.status else { return nil }
            let product = value.multipliedReportingOverflow(by: Int64(binding.weight * binding.multiplier))
            let status = binding.weight == 0 ? -254 : product.overflow ? Int64.min : product.partialValue
            return "(\(name)): entering FAULT state (tracked file \(file) has status \(status))"
        case let .process(process):
            return "(\(name)) entering FAULT state (tracked process \(process) quorum not achieved)"
        case let .script(script):
            return "(\(name)): entering FAULT state due to script \(script)"
        case .sourceAddress:
            return "(\(name)) entering FAULT state (no IPv\(routers[id]!.configuration.family == .ipv4 ? 4 : 6) address for interface)"
        case .bfd, .configuration:
            return nil
        }
    }

    /// The kinds of tracked object keepalived walks object by object rather than instance by instance.
    enum SharedKind: CaseIterable {
        case interface, file, process

        init?(_ tracker: TrackerID) {
            switch tracker {
            case .interface: self = .interface
            case .file: self = .file
            case .process: self = .process
            case .script, .bfd, .sourceAddress, .configuration: return nil
            }
        }
    }
}
