import CLinuxNet
import LinuxNet
import NetlinkCodec
import VRRPCore
#if canImport(Glibc)
import Glibc
#endif

/// The VRRP thread: one loop that owns every instance, its socket and its timer, feeds the pure
/// VirtualRouter machines and performs their actions in order. Nothing else runs on it.
public final class VRRPService: @unchecked Sendable {
    /// One running instance with its data plane.
    final class RunningInstance {
        var router: VirtualRouter
        let runtime: VRRPInstanceRuntime
        let interface: InterfaceInfo
        let transport: any AdvertTransport
        var timer: (at: Instant, generation: UInt64)?
        var announceAt: Instant?
        var linkUp: Bool
        /// Wall-clock seconds of the last state change (keepalived's last_transition).
        var lastTransition: Double = 0
        /// Packets dropped, by reason (the counters the MIB will serve).
        var drops: [DropReason: UInt64] = [:]

        init(runtime: VRRPInstanceRuntime, interface: InterfaceInfo) throws(SystemCallError) {
            self.runtime = runtime
            self.interface = interface
            linkUp = interface.isUp
            let multicast = runtime.unicastPeers.isEmpty
            if runtime.router.family == .ipv4 {
                transport = try IPv4Transport(interface: interface, source: runtime.sourceAddress, multicast: multicast)
            } else {
                transport = try IPv6Transport(interface: interface, source: runtime.sourceAddress, multicast: multicast)
            }
            var configuration = runtime.router
            configuration.sourceAddress = transport.source
            router = VirtualRouter(configuration)
        }

        var expectations: ReceiveCheck.Expectations {
            ReceiveCheck.Expectations(
                family: runtime.router.family, version: runtime.router.version, authenticationType: runtime.authenticationType,
                authenticationData: runtime.authenticationData,
                advertisementIntervalSeconds: UInt16(runtime.router.advertisementInterval / 1_000_000),
                addresses: runtime.virtualAddresses.map(\.address), checkAddresses: true,
                isUnicast: !runtime.unicastPeers.isEmpty,
                unicastPeers: runtime.unicastPeers.map { ($0, 0...255) })
        }
    }

    public typealias Logger = @Sendable (String) -> Void
    /// Called on every state change, after the addresses moved (scripts, FIFO, SNMP, mail hook here).
    public typealias TransitionHandler = @Sendable (_ instance: String, _ from: VRRPState, _ to: VRRPState, _ priority: Priority) -> Void

    private var instances: [RunningInstance] = []
    private let addresses: AddressManager
    private let log: Logger
    private let onTransition: TransitionHandler
    private let stopPipe: (read: Int32, write: Int32)
    /// rtnetlink link notifications: an interface going down faults its instances at once.
    private let linkEvents: NetlinkSocket
    /// -V/--dont-release-vrrp: leave addresses in place at stop.
    private let releaseAddressesOnStop: Bool

    public init(
        instances runtimes: [VRRPInstanceRuntime], releaseAddressesOnStop: Bool = true, log: @escaping Logger,
        onTransition: @escaping TransitionHandler = { _, _, _, _ in }
    ) throws {
        self.log = log
        self.onTransition = onTransition
        self.releaseAddressesOnStop = releaseAddressesOnStop
        addresses = try AddressManager()
        linkEvents = try NetlinkSocket(groups: 1 << (NetlinkConstants.RTNLGRP_LINK - 1))
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SystemCallError("pipe", errno: clinuxnet_errno()) }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        stopPipe = (fds[0], fds[1])
        for runtime in runtimes {
            guard let interface = Interfaces.lookup(runtime.interfaceName) else {
                throw SystemCallError("if_nametoindex(\(runtime.interfaceName))", errno: ENODEV)
            }
            instances.append(try RunningInstance(runtime: runtime, interface: interface))
        }
    }

    deinit {
        close(stopPipe.read)
        close(stopPipe.write)
    }

    /// Requests to the VRRP thread, one byte each on the control pipe.
    private enum Control: UInt8 { case stop = 1, writeStats = 2, writeStatsAndClear = 3, writeJSON = 4 }

    /// Asks the loop to stop (async-signal-safe: one write to a pipe).
    public func requestStop() { send(.stop) }

    /// Asks the loop to write keepalived.stats to `statsPath` (and zero the counters with `clear`).
    public func requestStats(clear: Bool) { send(clear ? .writeStatsAndClear : .writeStats) }

    /// Asks the loop to write keepalived.json.
    public func requestJSON() { send(.writeJSON) }

    /// keepalived's dump directory: $TMPDIR if it is an absolute path, else /tmp.
    static let dumpDirectory: String = {
        if let dir = getenv("TMPDIR").map({ String(cString: $0) }), dir.hasPrefix("/") { return dir }
        return "/tmp"
    }()

    public var statsPath: String { VRRPService.dumpDirectory + "/keepalived.stats" }
    public var jsonPath: String { VRRPService.dumpDirectory + "/keepalived.json" }

    private func send(_ control: Control) {
        var byte = control.rawValue
        _ = write(stopPipe.write, &byte, 1)
    }

    /// Handles the bytes waiting on the control pipe; true when asked to stop.
    private func handleControl() -> Bool {
        var byte: UInt8 = 0
        var stop = false
        while read(stopPipe.read, &byte, 1) == 1 {
            switch Control(rawValue: byte) {
            case .stop?: stop = true
            case .writeStats?: writeStats(clear: false)
            case .writeStatsAndClear?: writeStats(clear: true)
            case .writeJSON?: writeJSON()
            case nil: break
            }
        }
        return stop
    }

    /// Written to a temporary name and renamed, so a reader never sees half a file.
    private func writeJSON() {
        let text = JSONDump.render(instances.map {
            JSONDump.Entry(runtime: $0.runtime, router: $0.router, drops: $0.drops, lastTransition: $0.lastTransition)
        })
        let temporary = jsonPath + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            log("Can't open \(jsonPath) (\(clinuxnet_errno()))")
            return
        }
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        rename(temporary, jsonPath)
    }

    private func writeStats(clear: Bool) {
        let text = StatsFile.render(instances.map {
            StatsFile.Entry(name: $0.runtime.router.name, statistics: $0.router.statistics, drops: $0.drops)
        })
        let fd = open(statsPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd >= 0 {
            _ = text.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        } else {
            log("Can't open \(statsPath) (\(clinuxnet_errno()))")
        }
        if clear {
            for instance in instances {
                instance.router.clearStatistics()
                instance.drops.removeAll()
            }
        }
    }

    /// Runs until `requestStop`; then every instance stops the keepalived way (priority 0 from a
    /// master, addresses released) and the call returns.
    public func run() {
        let now = MonotonicClock.now()
        for instance in instances {
            // keepalived clears leftovers of an earlier run before starting as backup.
            if releaseAddressesOnStop { removeAddresses(instance, quiet: true) }
            perform(instance.router.handle(.start(isUp: instance.interface.isUp), now: now), on: instance, now: now)
        }
        var descriptors = instances.map { pollfd(fd: $0.transport.descriptor, events: Int16(POLLIN), revents: 0) }
        descriptors.append(pollfd(fd: linkEvents.descriptor, events: Int16(POLLIN), revents: 0))
        descriptors.append(pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0))
        while true {
            let now = MonotonicClock.now()
            let next = instances.flatMap { [$0.timer?.at, $0.announceAt].compactMap { $0 } }.min()
            let timeout = next.map { $0 <= now ? 0 : Int32(clamping: ($0.microseconds - now.microseconds + 999) / 1000) } ?? 1000
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && clinuxnet_errno() != EINTR { log("poll failed: errno \(clinuxnet_errno())") }
            if descriptors.last!.revents & Int16(POLLIN) != 0, handleControl() { break }
            let after = MonotonicClock.now()
            for (index, instance) in instances.enumerated() where descriptors[index].revents & Int16(POLLIN) != 0 {
                receive(on: instance, now: after)
            }
            if descriptors[instances.count].revents & Int16(POLLIN) != 0 {
                linkChanged(now: after)
            }
            for instance in instances {
                if let timer = instance.timer, timer.at <= after {
                    instance.timer = nil
                    perform(instance.router.handle(.timerExpired(generation: timer.generation), now: after), on: instance, now: after)
                }
                if let announceTime = instance.announceAt, announceTime <= after {
                    instance.announceAt = nil
                    if instance.router.state == .master { announce(instance, count: instance.runtime.router.garpMasterRepeat) }
                }
            }
        }
        let end = MonotonicClock.now()
        for instance in instances {
            perform(instance.router.handle(.stop, now: end), on: instance, now: end)
        }
    }

    /// RTM_NEWLINK/RTM_DELLINK for an instance's interface: down (or gone) is a fault, up clears it.
    private func linkChanged(now: Instant) {
        guard let messages = try? linkEvents.receive() else { return }
        for message in messages {
            guard let link = LinkMessage(message) else { continue }
            for instance in instances where instance.interface.index == UInt32(bitPattern: link.index) {
                let isUp = link.isUp && !link.deleted
                guard isUp != instance.linkUp else { continue }
                instance.linkUp = isUp
                log("Netlink reports \(instance.interface.name) \(isUp ? "up" : "down")")
                perform(instance.router.handle(.faultChanged(isFaulty: !isUp), now: now), on: instance, now: now)
            }
        }
    }

    private func receive(on instance: RunningInstance, now: Instant) {
        for (vrid, packet) in instance.transport.receiveAll() {
            // Demultiplex by VRID: other instances' packets are not ours to count.
            guard vrid == instance.runtime.router.vrid.rawValue else { continue }
            guard instance.router.state == .backup || instance.router.state == .master else { continue }
            let expectations = instance.expectations
            switch ReceiveCheck.check(packet, expectations) {
            case let .accepted(advert, source):
                perform(instance.router.handle(.advertisementReceived(advert, source: source), now: now), on: instance, now: now)
            case let .dropped(reason):
                instance.drops[reason, default: 0] += 1
                log(reason.logLine(instance: instance.runtime.router.name, packet: packet, expected: expectations))
            }
        }
    }

    private func perform(_ actions: [VirtualRouter.Action], on instance: RunningInstance, now: Instant) {
        let name = instance.runtime.router.name
        for action in actions {
            switch action {
            case let .sendAdvertisement(priority):
                send(instance, priority: priority)
            case .addAddresses:
                for vip in instance.runtime.virtualAddresses + instance.runtime.excludedAddresses {
                    var request = AddressRequest(operation: .add, interfaceIndex: instance.interface.index, address: vip.address, prefixLength: vip.prefixLength)
                    if vip.address.count == 16 {
                        // keepalived: IPv6 VIPs skip DAD, and a /128 is deprecated so it is never a source.
                        request.flags |= 0x02
                        request.preferredLifetime = vip.prefixLength == 128 ? 0 : nil
                    }
                    do { try addresses.apply(request) } catch { log("(\(name)) cannot add \(vip.address): \(error)") }
                }
            case .removeAddresses:
                removeAddresses(instance, quiet: false)
            case let .announceAddresses(count):
                announce(instance, count: count)
            case let .armTimer(at, generation):
                instance.timer = (at, generation)
            case .cancelTimer:
                instance.timer = nil
            case let .armAnnounceTimer(at):
                instance.announceAt = at
            case let .transition(from, to):
                if to != .master { instance.announceAt = nil }
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                instance.lastTransition = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
                onTransition(name, from, to, instance.router.effectivePriority)
            case let .log(line):
                log(line)
            }
        }
    }

    private func removeAddresses(_ instance: RunningInstance, quiet: Bool) {
        guard releaseAddressesOnStop || instance.router.state != .stop else { return }
        for vip in instance.runtime.virtualAddresses + instance.runtime.excludedAddresses {
            let request = AddressRequest(operation: .delete, interfaceIndex: instance.interface.index, address: vip.address, prefixLength: vip.prefixLength)
            do { try addresses.apply(request) } catch {
                if !quiet && error.errno != EADDRNOTAVAIL { log("(\(instance.runtime.router.name)) cannot remove address: \(error)") }
            }
        }
    }

    private func announce(_ instance: RunningInstance, count: Int) {
        for _ in 0..<count {
            for vip in instance.runtime.virtualAddresses + instance.runtime.excludedAddresses {
                do { try instance.transport.announce(vip.address) } catch {
                    log("(\(instance.runtime.router.name)) address announcement failed: \(error)")
                }
            }
        }
    }

    private func send(_ instance: RunningInstance, priority: Priority) {
        let runtime = instance.runtime
        let interval = runtime.router.version == .v2
            ? UInt16(runtime.router.advertisementInterval / 1_000_000)
            : UInt16(runtime.router.advertisementInterval / 10_000)
        let advert = Advertisement(
            version: runtime.router.version, vrid: runtime.router.vrid, priority: priority,
            addresses: runtime.virtualAddresses.map(\.address), interval: interval,
            authenticationType: runtime.authenticationType, authenticationData: runtime.authenticationData)
        let destinations = runtime.unicastPeers.isEmpty ? [instance.transport.multicastGroup] : runtime.unicastPeers
        for destination in destinations {
            let vrrp = AdvertisementCodec.encode(advert, family: runtime.router.family, source: instance.transport.source, destination: destination)
            do { try instance.transport.send(vrrp, to: destination) } catch {
                log("(\(runtime.router.name)) cannot send advert: \(error)")
            }
        }
    }
}
