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

    /// Names in any track-script list of the instances, found by reflection (a property whose
    /// label mentions track and script, holding names or values with a `name`).
    private static func trackedScriptNames(in instances: [VRRPInstance]) -> Set<String> {
        var names: Set<String> = []
        for instance in instances {
            for child in Mirror(reflecting: instance).children {
                let label = (child.label ?? "").lowercased()
                guard label.contains("track"), label.contains("script") else { continue }
                for element in Mirror(reflecting: child.value).children {
                    if let name = element.value as? String {
                        names.insert(name)
                    } else if let name = Mirror(reflecting: element.value).children.first(where: { $0.label == "name" })?.value as? String {
                        names.insert(name)
                    }
                }
            }
        }
        return names
    }
}
