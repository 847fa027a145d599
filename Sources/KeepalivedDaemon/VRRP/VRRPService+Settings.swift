/// Managers' changes to running instances (SNMP SET), handed to the VRRP thread like a reload.
import LinuxNet
import VRRPCore

extension VRRPService {
    /// Queues a change for the VRRP thread (from any thread; never waits on it).
    public func requestSetting(_ instance: String, _ setting: Engine.Setting) {
        pendingSettings.withLock { $0.append((InstanceID(instance), setting)) }
        send(.setting)
    }

    /// On the VRRP thread: the Engine applies each queued change in order; the MIBs see the result
    /// in the next snapshot, published at once.
    func applySettings() {
        let due = pendingSettings.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        guard !due.isEmpty else { return }
        let now = MonotonicClock.now()
        for (id, setting) in due { perform(engine.handle(.settingChanged(id, setting), now: now), now: now) }
        statusDirty = (true, true)
    }
}
