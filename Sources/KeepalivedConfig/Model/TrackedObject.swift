/// One line of a track_script / track_file / track_process / track_bfd / track_interface list:
/// `NAME [weight N [reverse|noreverse]]`, with the weight it resolves to.
public struct TrackedObject: Sendable, Hashable {
    /// The tracked script, file, process, BFD instance or interface, as named.
    public var name: String
    /// keepalived.conf: weight N (defaults to the tracked object's own weight)
    public var weight: Int
    /// keepalived.conf: weight N reverse
    public var reverse: Bool
    public var location: SourceLocation

    public init(name: String, weight: Int, reverse: Bool, location: SourceLocation) {
        self.name = name
        self.weight = weight
        self.reverse = reverse
        self.location = location
    }
}
