/// The typed, immutable result of reading keepalived.conf: every block and keyword keepalived
/// 2.2.7 accepts, with defaults applied and source locations kept for diagnostics.
public struct Configuration: Sendable {
    /// keepalived.conf: global_defs, plus the top-level process keywords (net_namespace, instance, ...).
    public var global = GlobalDefinitions()
    /// keepalived.conf: static_ipaddress
    public var staticAddresses: [VirtualAddress] = []
    /// keepalived.conf: static_routes
    public var staticRoutes: [Route] = []
    /// keepalived.conf: static_rules
    public var staticRules: [Rule] = []
    /// keepalived.conf: track_group
    public var trackGroups: [TrackGroup] = []
    /// keepalived.conf: track_file (vrrp_track_file)
    public var trackFiles: [TrackFile] = []
    /// keepalived.conf: vrrp_script
    public var vrrpScripts: [VRRPScript] = []
    /// keepalived.conf: vrrp_track_process
    public var trackProcesses: [TrackProcess] = []
    /// keepalived.conf: bfd_instance
    public var bfdInstances: [BFDInstance] = []
    /// keepalived.conf: vrrp_sync_group
    public var syncGroups: [VRRPSyncGroup] = []
    /// keepalived.conf: garp_group
    public var garpGroups: [GARPGroup] = []
    /// keepalived.conf: vrrp_instance
    public var vrrpInstances: [VRRPInstance] = []
    /// keepalived.conf: SSL
    public var ssl: SSLSettings?
    /// keepalived.conf: virtual_server_group
    public var virtualServerGroups: [VirtualServerGroup] = []
    /// keepalived.conf: virtual_server
    public var virtualServers: [VirtualServer] = []

    /// Some keyword named an interface the host does not have (keepalived remembers this while
    /// reading and refuses to start VRRP afterwards, reporting it once).
    var namedMissingInterface = false

    public init() {}
}

extension Configuration {

    /// Edits the last element of a list of blocks: the block whose keywords are being read.
    mutating func withLast<Element>(_ list: WritableKeyPath<Configuration, [Element]>, _ body: (inout Element) -> Void) {
        guard !self[keyPath: list].isEmpty else { return }
        body(&self[keyPath: list][self[keyPath: list].count - 1])
    }
}
