/// keepalived's check_check_script_security for the checker's scripts: running scripts without
/// `enable_script_security` is a security error (exit status 6 from `-t`).
extension CheckerValidation {
    static func checkScriptSecurity(_ config: Configuration, _ context: ValidationContext) {
        guard !config.global.enableScriptSecurity else { return }
        var scripts: [NotifyScript] = []
        for vs in config.virtualServers {
            scripts += [vs.quorumUp, vs.quorumDown].compactMap { $0 }
            for rs in vs.realServers {
                scripts += [rs.notifyUp, rs.notifyDown].compactMap { $0 }
                for checker in rs.checkers {
                    if case let .misc(misc) = checker.probe, let script = misc.script { scripts.append(script) }
                }
            }
        }
        guard let first = scripts.first(where: { isRunnableScript($0, context.host) }) else { return }
        context.error("SECURITY VIOLATION - check scripts are being executed but script_security not enabled.",
                      at: first.location, class: .securityError,
                      hint: "add enable_script_security to global_defs (and script_user if needed)")
    }

    /// Whether the script's program exists (an absolute or relative path, or found in $PATH);
    /// a `</path` redirection only tests a file and runs nothing.
    static func isRunnableScript(_ script: NotifyScript, _ host: any ConfigHost) -> Bool {
        let program = script.program
        if program.hasPrefix("<") { return false }
        if program.contains("/") {
            return host.fileStatus(atPath: program) != nil
        }
        let path = host.environment("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        return path.split(separator: ":").contains { host.fileStatus(atPath: "\($0)/\(program)") != nil }
    }
}
