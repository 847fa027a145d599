/// Checks on VRRP instances and sync groups after parsing (keepalived's vrrp_complete_init).
enum VRRPValidation {
    static func validate(_ config: inout Configuration, _ context: ValidationContext) {}
}
