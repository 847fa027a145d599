/// A rule line of static_rules or virtual_rules.
public struct Rule: Sendable {
    public init() {}
}
