// Runs a shell script in a QEMU guest whose kernel has IPVS (this host's has none): Debian's cloud
// kernel under software emulation, an initramfs from scripts/ipvs-guest-image, and a per-run overlay
// carrying the binaries the script needs. Output comes back through the guest's second serial port.
import Foundation

/// One boot of the IPVS guest. See README "IPVS tests in QEMU" and ../shared/reference/ipvs-in-qemu.md.
public enum IPVSGuest {
    /// The kernel and base initramfs, cached per kernel version.
    public struct Image: Sendable {
        public let directory: String
        public var kernel: String { directory + "/vmlinux" }
        public var baseArchive: String { directory + "/base.cpio" }
        /// The Debian kernel release, e.g. `6.1.0-56-cloud-amd64`.
        public var kernelVersion: String {
            ((try? String(contentsOfFile: directory + "/ready", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// What the host needs to boot the guest; `scripts/bootstrap` installs all of it.
    public static let requiredTools = ["qemu-system-x86_64", "busybox", "cpio", "lz4", "depmod", "ipvsadm", "dash", "dpkg-deb", "apt-get"]

    /// The tools missing on this machine.
    public static var missingTools: [String] { requiredTools.filter { CommandRunner.findExecutable($0) == nil } }

    /// scripts/ipvs-guest-image of this package.
    static let imageScript: String = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.path + "/scripts/ipvs-guest-image"
            }
            directory.deleteLastPathComponent()
        }
        return "scripts/ipvs-guest-image"
    }()

    /// Fetches and prepares the kernel and base initramfs unless they are cached (first time: ~20 s,
    /// then well under a second).
    public static func prepareImage() throws -> Image {
        let result = try CommandRunner.run([imageScript], timeout: .seconds(600)).check()
        let lines = result.standardOutput.split(separator: "\n")
        guard let directory = lines.last.map(String.init), FileManager.default.fileExists(atPath: directory + "/ready") else {
            throw LabError.invalidRequest("ipvs-guest-image printed no image directory: \(result)")
        }
        return Image(directory: directory)
    }

    /// Boots the guest, runs `script` under dash there with `binaries` (and every library `ldd` lists
    /// for them) at the same absolute paths, and returns what the script wrote.
    public static func run(
        _ script: String, binaries: [String] = [], image: Image, timeout: Duration = .seconds(120)
    ) throws -> IPVSGuestResult {
        let scratch = FileManager.default.temporaryDirectory.path + "/ipvs-guest-\(getpid())-\(UUID().uuidString)"
        let overlay = scratch + "/overlay"
        try FileManager.default.createDirectory(atPath: overlay, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        for binary in binaries {
            for file in [binary] + (try sharedLibraries(of: binary)) { try copy(file, into: overlay) }
        }
        try Data(script.utf8).write(to: URL(fileURLWithPath: overlay + "/run.sh"))
        let archive = scratch + "/overlay.cpio", initrd = scratch + "/initrd.cpio"
        try CommandRunner.run(["sh", "-c", "cd \"$0\" && find . | cpio -o -H newc --quiet > \"$1\"", overlay, archive]).check()
        try CommandRunner.run(["sh", "-c", "cat \"$0\" \"$1\" > \"$2\"", image.baseArchive, archive, initrd]).check()

        let console = scratch + "/console.log", results = scratch + "/result.log"
        let qemu = try CommandRunner.run([
            "qemu-system-x86_64", "-accel", "tcg", "-cpu", "max", "-m", "512", "-no-reboot", "-nic", "none",
            "-display", "none", "-monitor", "none", "-serial", "file:" + console, "-serial", "file:" + results,
            "-kernel", image.kernel, "-initrd", initrd, "-append", "console=ttyS0 quiet panic=-1",
        ], timeout: timeout)
        return IPVSGuestResult(
            qemu: qemu,
            transcript: (try? String(contentsOfFile: results, encoding: .utf8)) ?? "",
            console: (try? String(contentsOfFile: console, encoding: .utf8)) ?? "")
    }

    /// The absolute library paths `ldd` prints for `binary`.
    static func sharedLibraries(of binary: String) throws -> [String] {
        let result = try CommandRunner.run(["ldd", binary]).check()
        return result.standardOutput.split(separator: "\n").compactMap { line in
            line.split(separator: " ").map(String.init).first { $0.hasPrefix("/") }
        }
    }

    /// Copies `file` (following links) to the same absolute path under `root`.
    static func copy(_ file: String, into root: String) throws {
        let target = root + file
        guard !FileManager.default.fileExists(atPath: target) else { return }
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        try FileManager.default.copyItem(atPath: source, toPath: target)
    }
}

/// What one boot produced.
public struct IPVSGuestResult: Sendable, CustomStringConvertible {
    /// The qemu process (0 after a guest power-off; `timedOut` when the guest hung).
    public let qemu: CommandResult
    /// Everything the guest wrote to its second serial port.
    public let transcript: String
    /// The kernel console (ttyS0), for diagnosing a guest that died.
    public let console: String

    /// The guest kernel (`uname -r`), from the `@@KERNEL=` line the guest's init writes first.
    public var kernel: String? { marker("@@KERNEL=") }

    /// The script's exit status; nil when the guest died or hung before the script finished.
    public var status: Int32? { marker("@@RC=").flatMap { Int32($0) } }

    /// What the script wrote (stdout and stderr), without the markers.
    public var output: String {
        transcript.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("@@KERNEL=") && !$0.hasPrefix("@@RC=") }
            .joined(separator: "\n")
    }

    /// The output cut into sections at lines `== NAME` (what precedes the first one is dropped).
    /// Trailing blanks are trimmed from every line, since ipvsadm pads its columns.
    public var sections: [String: String] {
        var sections: [String: String] = [:]
        var current: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== ") {
                current = String(line.dropFirst(3))
                sections[current!] = ""
            } else if let name = current {
                var trimmed = Substring(line)
                while trimmed.last == " " { trimmed = trimmed.dropLast() }
                sections[name, default: ""] += trimmed + "\n"
            }
        }
        return sections.mapValues { text in
            var text = Substring(text)
            while text.hasSuffix("\n\n") { text = text.dropLast() }
            return String(text)
        }
    }

    func marker(_ prefix: String) -> String? {
        transcript.split(separator: "\n").last { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    public var description: String {
        var text = "guest kernel \(kernel ?? "?"), script status \(status.map(String.init) ?? "none (guest died or hung)"), qemu \(qemu)"
        text += "\n--- guest output ---\n" + output
        if status == nil { text += "\n--- console (tail) ---\n" + console.split(separator: "\n").suffix(30).joined(separator: "\n") }
        return text
    }
}
