// swift-tools-version: 6.0
// swift-keepalived: a keepalived-compatible HA daemon. Module graph: ../shared/design.md §2 (mirrored in README).
import PackageDescription

/// Pure modules: no Glibc, no Foundation, no NIO, no Logging. `scripts/check-purity` enforces the imports.
let pureSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "swift-keepalived",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keepalived", targets: ["keepalived"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // Pure: IP addresses and prefixes, shared by the configuration and the protocols.
        .target(name: "NetworkTypes", swiftSettings: pureSettings),
        // Pure: keepalived.conf front end.
        .target(name: "KeepalivedConfig", dependencies: ["NetworkTypes"], swiftSettings: pureSettings),
        // Pure: the VRRP protocol (advertisement codec, receive checks, the virtual router machine).
        .target(name: "VRRPCore", dependencies: ["NetworkTypes"], swiftSettings: pureSettings),
        // Pure: the SNMP model (OIDs, values, sorted MIB views) and the KEEPALIVED/VRRP/VRRPv3 MIB content.
        .target(name: "SNMPModel", dependencies: ["NetworkTypes", "IPVSModel"], swiftSettings: pureSettings),

        // Pure: the IPVS table as data (virtual services and their destinations), shared by the codec and the checker.
        .target(name: "IPVSModel", dependencies: ["NetworkTypes"], swiftSettings: pureSettings),
        // Pure: rtnetlink and generic netlink (IPVS) message encoding and decoding.
        .target(name: "NetlinkCodec", dependencies: ["NetworkTypes", "IPVSModel"], swiftSettings: pureSettings),
        // Pure: the health checker's policy (retry, alpha/omega, quorum, sorry server) and the desired IPVS table.
        .target(name: "CheckerCore", dependencies: ["KeepalivedConfig", "NetworkTypes", "VRRPCore", "IPVSModel"], swiftSettings: pureSettings),

        // The only code that talks to the kernel: raw VRRP sockets, netlink, ARP.
        .target(name: "CLinuxNet"),
        .target(name: "LinuxNet", dependencies: ["CLinuxNet", "NetlinkCodec", "IPVSModel", "VRRPCore"]),

        // net-snmp's agent library (libsnmp-dev) and the AgentX subagent thread that owns it.
        .systemLibrary(name: "CNetSNMP"),
        .target(name: "SNMPAgentX", dependencies: ["CNetSNMP", "SNMPModel"]),

        // OpenSSL (libssl-dev) for the e-mail alerts' STARTTLS and implicit TLS extension, and SSL_GET.
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl"),
        // Notify scripts, the notify FIFO and e-mail alerts, off the VRRP thread.
        .target(name: "Notification", dependencies: ["COpenSSL"]),

        // PCRE2 (libpcre2-dev) for HTTP_GET/SSL_GET's regex, as keepalived 2.2.7 matches them.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8"),
        // Health-check probes (TCP, HTTP_GET, SSL_GET, MISC) on non-blocking sockets, polled on one thread.
        .target(name: "CheckerProbes", dependencies: ["CheckerCore", "CPCRE2", "KeepalivedConfig", "NetworkTypes", "VRRPCore", "LinuxNet", "Notification"]),

        // Composition root and host access.
        .target(
            name: "KeepalivedDaemon",
            dependencies: ["KeepalivedConfig", "NetworkTypes", "VRRPCore", "CheckerCore", "CheckerProbes", "IPVSModel", "LinuxNet", "Notification", "SNMPModel", "SNMPAgentX", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(name: "keepalived", dependencies: ["KeepalivedDaemon"]),

        // Tools: benchmarks and the network-namespace lab demo.
        .executableTarget(name: "keepalived-bench", dependencies: ["KeepalivedConfig", "KeepalivedDaemon", "KeepalivedTestSupport"]),
        .executableTarget(name: "keepalived-lab", dependencies: ["KeepalivedTestSupport"]),
        // A small ipvsadm over IPVSClient, run in the QEMU guest by the IPVS integration tests.
        .executableTarget(name: "ipvs-probe", dependencies: ["LinuxNet", "IPVSModel", "NetworkTypes"]),
        // A minimal plain SMTP server, run in the QEMU guest (no python there) by the checker mail comparison.
        .executableTarget(name: "smtp-sink"),

        // Test-only support: fakes, fixtures, the namespace lab.
        .target(name: "KeepalivedTestSupport", dependencies: ["KeepalivedConfig", "VRRPCore"]),

        .testTarget(name: "KeepalivedConfigTests", dependencies: ["KeepalivedConfig", "KeepalivedTestSupport"]),
        .testTarget(name: "VRRPCoreTests", dependencies: ["VRRPCore", "KeepalivedTestSupport"]),
        .testTarget(name: "SNMPModelTests", dependencies: ["SNMPModel", "IPVSModel"], exclude: ["base-mibs", "check-mibs.sh"]),
        .testTarget(name: "IPVSModelTests", dependencies: ["IPVSModel", "NetworkTypes"]),
        .testTarget(name: "NetlinkCodecTests", dependencies: ["NetlinkCodec", "IPVSModel", "NetworkTypes"]),
        .testTarget(name: "CheckerCoreTests", dependencies: ["CheckerCore", "IPVSModel", "KeepalivedConfig", "KeepalivedTestSupport"]),
        .testTarget(name: "CheckerProbesTests", dependencies: ["CheckerProbes"]),
        .testTarget(name: "KeepalivedDaemonTests", dependencies: ["KeepalivedDaemon", "IPVSModel", "KeepalivedTestSupport"]),
        .testTarget(name: "NotificationTests", dependencies: ["Notification"]),
        .testTarget(name: "SMTPSinkTests", dependencies: ["smtp-sink"]),
        .testTarget(name: "IntegrationTests", dependencies: ["KeepalivedDaemon", "KeepalivedTestSupport"]),
        .testTarget(name: "InteropTests", dependencies: ["KeepalivedConfig", "KeepalivedDaemon", "KeepalivedTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
