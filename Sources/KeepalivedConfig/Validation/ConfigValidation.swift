/// The checks keepalived makes after reading the file, in keepalived's order: the checker's
/// (check_validate_config), then VRRP's (vrrp_validate_config).
enum ConfigValidation {
    static func run(_ config: inout Configuration, _ context: ValidationContext) {
        CheckerValidation.validate(&config, context)
        TrackerValidation.validate(&config, context)
        VRRPValidation.validate(&config, context)
    }
}
