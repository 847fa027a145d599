import Foundation
import Testing
@testable import KeepalivedDaemon

/// The tracked file's value as keepalived reads it (strtol base 0), init_file, and the inotify
/// events that follow writes, renames and deletes — on a temporary directory, no root needed.
struct TrackFileWatcherTests {
    static func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = NSTemporaryDirectory() + "trackfile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    @Test(arguments: [
        ("42\n", Int64(42)), ("  -7", -7), ("0x10", 16), ("010", 8), ("12abc", 12), ("abc", 0), ("", 0),
        ("2147483648", 2_147_483_648), ("-2147483648", -2_147_483_648),
    ])
    func valuesReadLikeStrtol(_ text: String, _ value: Int64) throws {
        try Self.withDirectory { directory in
            let path = directory + "/value"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
            #expect(TrackFileWatcher.read(path) { _ in } == value)
        }
    }

    @Test func outOfRangeValuesAreLoggedAndIgnored() throws {
        try Self.withDirectory { directory in
            let path = directory + "/value"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("2147483649".utf8)))
            var lines: [String] = []
            #expect(TrackFileWatcher.read(path) { lines.append($0) } == nil)
            #expect(lines == ["Invalid number 2147483649 read from \(path) - ignoring"])
            #expect(TrackFileWatcher.read(directory + "/missing") { _ in } == 0)
        }
    }

    @Test func initFileCreatesAndOverwritesOnlyWhenAsked() throws {
        try Self.withDirectory { directory in
            let path = directory + "/value"
            TrackFileWatcher.initialise(path: path, name: "tf", value: 5, overwrite: false) { _ in }
            #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "5\n")
            TrackFileWatcher.initialise(path: path, name: "tf", value: 9, overwrite: false) { _ in }
            #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "5\n")
            TrackFileWatcher.initialise(path: path, name: "tf", value: 9, overwrite: true) { _ in }
            #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "9\n")
            var lines: [String] = []
            TrackFileWatcher.initialise(path: directory, name: "dir", value: 1, overwrite: true) { lines.append($0) }
            #expect(lines == ["Cannot initialise track file dir - it is not a regular file"])
        }
    }

    @Test func writesRenamesAndDeletesAreSeen() throws {
        try Self.withDirectory { directory in
            let path = directory + "/value"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("3".utf8)))
            let watcher = TrackFileWatcher([TrackFileRuntime(name: "tf", path: path)]) { _ in }
            #expect(watcher.initialValues.map(\.value) == [3])
            #expect(watcher.changes().isEmpty)

            #expect(FileManager.default.createFile(atPath: path, contents: Data("4".utf8)))
            #expect(watcher.changes().map(\.value) == [4])
            try FileManager.default.removeItem(atPath: path)
            #expect(watcher.changes().map(\.value) == [0])
            #expect(FileManager.default.createFile(atPath: directory + "/staging", contents: Data("6".utf8)))
            try FileManager.default.moveItem(atPath: directory + "/staging", toPath: path)
            #expect(watcher.changes().map(\.value) == [6])
            // Other files in the directory are not ours.
            #expect(FileManager.default.createFile(atPath: directory + "/other", contents: Data("8".utf8)))
            #expect(watcher.changes().isEmpty)
        }
    }

    @Test func aMissingDirectoryDropsTheFile() {
        var lines: [String] = []
        let watcher = TrackFileWatcher([TrackFileRuntime(name: "tf", path: "/nonexistent-\(UUID().uuidString)/value")]) { lines.append($0) }
        #expect(watcher.initialValues.isEmpty)
        #expect(lines == ["Track file directory for tf does not exist - removing"])
    }
}
