import LinuxNet

/// keepalived.conf: promote_secondaries. Without it, deleting an interface's primary address
/// deletes the secondaries of its subnet too, VIPs included; keepalived sets the interface's
/// sysctl when it is off and turns it off again when it stops.
extension VRRPService {
    func promoteSecondaries() {
        for name in Set(instances.filter(\.runtime.promoteSecondaries).map(\.runtime.interfaceName)).sorted() {
            let path = "net/ipv4/conf/\(name)/promote_secondaries"
            guard Sysctl.read(path) == 0 else { continue }
            Sysctl.write(path, 1)
            promotedInterfaces.append(name)
        }
    }

    func restoreSecondaries() {
        for name in promotedInterfaces { Sysctl.write("net/ipv4/conf/\(name)/promote_secondaries", 0) }
        promotedInterfaces = []
    }
}
