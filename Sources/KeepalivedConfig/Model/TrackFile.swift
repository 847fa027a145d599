/// keepalived.conf: track_file NAME { ... } (and the deprecated vrrp_track_file) — a file whose
/// number, times the weight, adjusts the priority of the instances that track it.
public struct TrackFile: Sendable {
    /// keepalived.conf: track_file NAME
    public var name: String
    public var location: SourceLocation
    /// keepalived.conf: file PATH
    public var path: String?
    /// keepalived.conf: weight -254..254 [reverse]; default 1.
    public var weight: Int = 1
    /// keepalived.conf: weight N reverse
    public var weightReverse = false
    /// keepalived.conf: init_file [VALUE] [overwrite] — create the file (or overwrite it) with VALUE.
    public var initFile: InitFile?

    /// What `init_file` asks for.
    public struct InitFile: Sendable, Hashable {
        /// The number written; default 0.
        public var value: Int = 0
        /// `overwrite`: write it even if the file exists.
        public var overwrite = false
        public init(value: Int = 0, overwrite: Bool = false) { self.value = value; self.overwrite = overwrite }
    }

    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
