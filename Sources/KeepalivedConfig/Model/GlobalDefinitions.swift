/// keepalved.conf: global_defs and the top-level process keywords. (Filled in by the global_defs work.)
public struct GlobalDefinitions: Sendable {
    public init() {}
}
