/// Checks on scripts, tracked files and processes after parsing: script security over the whole
/// configuration (keepalived's check_*_script_security), and scripts no one tracks.
enum TrackerValidation {
    static func validate(_ config: inout Configuration, _ context: ValidationContext) {
        ScriptSecurity.validate(&config, context)
        // keepalived drops unused vrrp_scripts after its -t exit point, so it is only a note here.
        guard !config.vrrpInstances.isEmpty else { return }
        let tracked = Set(config.syncGroups.flatMap { $0.trackScripts.map(\.name) })
            .union(trackedScriptNames(in: config.vrrpInstances))
        for script in config.vrrpScripts where !tracked.contains(script.name) {
            context.warning("Warning - script \(script.name) is not used", at: script.location, keyword: "vrrp_script", class: nil,
                            hint: "track it with track_script in a vrrp_instance or sync group, or remove it")
        }
    }

    /// Names in the instances' track_script lists.
    private static func trackedScriptNames(in instances: [VRRPInstance]) -> Set<String> {
        Set(instances.flatMap { $0.trackScripts.map(\.name) })
    }
}
