#if canImport(Glibc)
import Glibc
#endif

/// keepalived's VRRP firewall (vrrp_nftables.c) through Debian's `nft`: a thread of its own takes
/// the drop-set and VMAC changes the VRRP thread queues and runs each as one `nft -f -`
/// transaction, so a state change never waits for nftables. Each part of the tables appears with
/// its first entry (an old table of the same name is deleted first, as keepalived does); `finish`
/// deletes the tables.
final class NFTablesFirewall: @unchecked Sendable {
    typealias Logger = @Sendable (String) -> Void

    private enum Job {
        case update(add: Bool, [NFTablesElement])
        case vmac(add: Bool, [VMACEntry])
        case finish
    }

    /// keepalived.conf: use_vmac: a VMAC (interface indexes) and the family its entry is for.
    struct VMACEntry: Sendable, Hashable {
        var vmac: UInt32
        var base: UInt32
        var ipv6: Bool
    }

    /// The pieces of the tables, made on first use in keepalived's order.
    private enum Part: Hashable {
        case base(ipv6: Bool), vips(ipv6: Bool), linkLocal(byName: Bool), vmac(ipv6: Bool)
    }

    let script: NFTablesScript
    private let log: Logger
    private let program: String?
    private var jobs: [Job] = []
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var thread: ServiceThread?

    // Owned by the firewall thread.
    private var made: Set<Part> = []
    private var checkedOldTables = false
    private var present: Set<NFTablesElement> = []
    private var presentVMACs: Set<VMACEntry> = []

    init(script: NFTablesScript, log: @escaping Logger) {
        self.script = script
        self.log = log
        program = ["/usr/sbin/nft", "/sbin/nft", "/usr/local/sbin/nft"].first { access($0, X_OK) == 0 }
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        if program == nil { log("nftables: no nft command found (Debian package nftables); VRRP firewall drop rules are not set") }
        let thread = ServiceThread { [unowned self] in self.serve() }
        self.thread = thread
        thread.start()
    }

    /// Queues adding (a master without accept mode) or removing the drop entries for `elements`.
    /// Called on the VRRP thread: it only takes a lock.
    func update(add: Bool, _ elements: [NFTablesElement]) {
        guard !elements.isEmpty else { return }
        enqueue(.update(add: add, elements))
    }

    /// Queues adding (a VMAC made) or removing (a VMAC gone) a VMAC's entries.
    func updateVMAC(add: Bool, _ entries: [VMACEntry]) {
        guard !entries.isEmpty else { return }
        enqueue(.vmac(add: add, entries))
    }

    /// Runs what is queued, deletes the tables and ends the thread (at daemon stop).
    func finish() {
        enqueue(.finish)
        thread?.join()
        thread = nil
    }

    private func enqueue(_ job: Job) {
        pthread_mutex_lock(&mutex)
        jobs.append(job)
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    private func serve() {
        while true {
            pthread_mutex_lock(&mutex)
            while jobs.isEmpty { pthread_cond_wait(&condition, &mutex) }
            let batch = jobs
            jobs.removeAll()
            pthread_mutex_unlock(&mutex)
            for job in batch {
                switch job {
                case let .update(add, elements): apply(add: add, elements)
                case let .vmac(add, entries): apply(add: add, entries)
                case .finish:
                    _ = run([false, true].filter { made.contains(.base(ipv6: $0)) }.map(script.teardown(ipv6:)))
                    return
                }
            }
        }
    }

    private func apply(add: Bool, _ requested: [NFTablesElement]) {
        let elements = requested.filter { present.contains($0) != add }
        guard !elements.isEmpty else { return }
        var parts = made
        var lines: [String] = []
        if add {
            for ipv6 in [false, true] where elements.contains(where: { ($0.address.count == 16) == ipv6 }) {
                lines += make(.vips(ipv6: ipv6), &parts)
            }
            for byName in [false, true] where elements.contains(where: { $0.isLinkLocal && $0.byName == byName }) {
                lines += make(.linkLocal(byName: byName), &parts)
            }
        }
        for ipv6 in [false, true] {
            for set in ["vips", "vips_link_local", "vips_link_local_name"] {
                lines += script.elements(add: add, elements.filter { ($0.address.count == 16) == ipv6 && $0.setName == set })
            }
        }
        guard run(lines) else { return }
        made = parts
        if add { present.formUnion(elements) } else { present.subtract(elements) }
    }

    private func apply(add: Bool, _ requested: [VMACEntry]) {
        let entries = requested.filter { presentVMACs.contains($0) != add }
        guard !entries.isEmpty else { return }
        var parts = made
        var lines: [String] = []
        for entry in entries {
            if add { lines += make(.vmac(ipv6: entry.ipv6), &parts) }
            lines += script.vmacElements(add: add, ipv6: entry.ipv6, vmac: entry.vmac, base: entry.base)
        }
        guard run(lines) else { return }
        made = parts
        if add { presentVMACs.formUnion(entries) } else { presentVMACs.subtract(entries) }
    }

    /// The commands for `part` and what it needs that is not there yet (recorded in `parts`).
    private func make(_ part: Part, _ parts: inout Set<Part>) -> [String] {
        guard !parts.contains(part) else { return [] }
        var lines: [String] = []
        switch part {
        case let .base(ipv6):
            if !checkedOldTables { lines += oldTables() }
            checkedOldTables = true
            lines += script.base(ipv6: ipv6)
        case let .vips(ipv6):
            lines += make(.base(ipv6: ipv6), &parts) + script.vips(ipv6: ipv6)
        case let .linkLocal(byName):
            lines += make(.vips(ipv6: true), &parts) + script.setupLinkLocal(byName: byName)
        case let .vmac(ipv6):
            lines += make(.base(ipv6: ipv6), &parts) + script.vmac(ipv6: ipv6)
        }
        parts.insert(part)
        return lines
    }

    /// keepalived deletes tables an earlier run left (both families) before it sets up its own.
    private func oldTables() -> [String] {
        guard let listing = output(of: ["list", "tables"]) else { return [] }
        return [false, true].compactMap { ipv6 in
            let family = NFTablesScript.family(ipv6: ipv6)
            guard listing.split(separator: "\n").contains(Substring("table \(family) \(script.table)")) else { return nil }
            log("Deleting old \(family) \(script.table) table")
            return script.teardown(ipv6: ipv6)
        }
    }

    /// One `nft -f -` transaction; a failure is logged with nft's own message.
    private func run(_ lines: [String]) -> Bool {
        guard !lines.isEmpty else { return true }
        guard let result = spawn(["-f", "-"], input: lines.joined(separator: "\n") + "\n") else { return false }
        if result.status != 0 {
            log("nftables: nft failed (exit \(result.status)): \(result.output.split(separator: "\n").prefix(3).joined(separator: "; "))")
        }
        return result.status == 0
    }

    private func output(of arguments: [String]) -> String? {
        guard let result = spawn(arguments, input: ""), result.status == 0 else { return nil }
        return result.output
    }

    /// posix_spawn of nft with `input` on its stdin and stdout+stderr collected.
    private func spawn(_ arguments: [String], input: String) -> (status: Int32, output: String)? {
        guard let program else { return nil }
        var stdinPipe: [Int32] = [0, 0], outputPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0 else { return nil }
        guard pipe(&outputPipe) == 0 else {
            close(stdinPipe[0]); close(stdinPipe[1])
            return nil
        }
        // Only nft gets these ends (the daemon's other children close every descriptor above 2).
        for fd in stdinPipe + outputPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        close(stdinPipe[0])
        close(outputPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(outputPipe[0])
            log("nftables: cannot run \(program): errno \(spawned)")
            return nil
        }
        var bytes = Array(input.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(stdinPipe[1], $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        close(stdinPipe[1])
        bytes.removeAll()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(outputPipe[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        close(outputPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, String(decoding: bytes, as: UTF8.self))
    }
}
