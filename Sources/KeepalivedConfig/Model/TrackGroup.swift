/// keepalived.conf: track_group NAME { group { INSTANCE ... } } — the instances whose state
/// decides whether static addresses, routes and rules carrying `track_group NAME` are installed.
public struct TrackGroup: Sendable {
    /// keepalived.conf: track_group NAME
    public var name: String
    public var location: SourceLocation
    /// keepalived.conf: group { INSTANCE ... } (names as written; nil until given)
    public var members: [Token]?

    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
