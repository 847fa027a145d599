/// The kernel's process events connector (NETLINK_CONNECTOR, CN_IDX_PROC): fork, exec, comm
/// changes and exits of every process, as track_process follows them.
public enum ProcessEvent: Hashable, Sendable {
    /// A new process (not a thread): its parent's and its own process id.
    case fork(parent: Int32, child: Int32)
    /// The process ran a new program.
    case exec(pid: Int32)
    /// The process changed its name (prctl PR_SET_NAME).
    case comm(pid: Int32, name: String)
    /// The process ended.
    case exit(pid: Int32)

    /// `CN_IDX_PROC`: the connector's process-events channel (also its multicast group).
    public static let channel: UInt32 = 1

    /// nlmsghdr + cn_msg + PROC_CN_MCAST_LISTEN (1) or IGNORE (2), in host byte order.
    public static func subscription(listen: Bool = true, pid: UInt32 = 0) -> [UInt8] {
        var bytes: [UInt8] = []
        func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        u32(16 + 20 + 4); u16(3 /* NLMSG_DONE */); u16(0); u32(0); u32(pid)
        u32(channel); u32(1 /* CN_VAL_PROC */); u32(0); u32(0); u16(4); u16(0)
        u32(listen ? 1 : 2)
        return bytes
    }

    /// The events in one received datagram; anything else (acknowledgements, threads, uid changes) is skipped.
    public static func decode(_ datagram: [UInt8]) -> [ProcessEvent] {
        var events: [ProcessEvent] = []
        var offset = 0
        func u32(_ at: Int) -> UInt32 {
            guard at + 4 <= datagram.count else { return 0 }
            return UInt32(datagram[at]) | UInt32(datagram[at + 1]) << 8 | UInt32(datagram[at + 2]) << 16 | UInt32(datagram[at + 3]) << 24
        }
        while offset + 16 <= datagram.count {
            let length = Int(u32(offset))
            guard length >= 16, offset + length <= datagram.count else { break }
            // cn_msg (20 bytes) after the netlink header, then proc_event: what, cpu, timestamp (16 bytes), data.
            let event = offset + 16 + 20
            let data = event + 16
            if length >= 16 + 20 + 16, u32(offset + 16) == channel {
                let pid = Int32(bitPattern: u32(data)), tgid = Int32(bitPattern: u32(data + 4))
                switch u32(event) {
                case 0x0000_0001 where data + 16 <= offset + length:
                    // parent pid, parent tgid, child pid, child tgid: a thread shares its tgid.
                    let child = Int32(bitPattern: u32(data + 8)), childGroup = Int32(bitPattern: u32(data + 12))
                    if child == childGroup { events.append(.fork(parent: tgid, child: child)) }
                case 0x0000_0002 where pid == tgid:
                    events.append(.exec(pid: pid))
                case 0x0000_0200 where pid == tgid && data + 24 <= offset + length:
                    let name = datagram[(data + 8)..<(data + 24)].prefix { $0 != 0 }
                    events.append(.comm(pid: pid, name: String(decoding: name, as: UTF8.self)))
                case 0x8000_0000 where pid == tgid:
                    events.append(.exit(pid: pid))
                default:
                    break
                }
            }
            offset += (length + 3) & ~3
        }
        return events
    }
}
