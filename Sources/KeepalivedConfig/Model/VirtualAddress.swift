/// An address line of static_ipaddress, virtual_ipaddress or virtual_ipaddress_excluded.
public struct VirtualAddress: Sendable {
    public init() {}
}
