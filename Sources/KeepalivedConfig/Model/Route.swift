/// A route line of static_routes or virtual_routes.
public struct Route: Sendable {
    public init() {}
}
