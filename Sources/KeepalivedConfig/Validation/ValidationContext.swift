/// What the checks after parsing (keepalived's validate and complete_init steps) can use.
struct ValidationContext {
    let host: any ConfigHost
    let report: (Diagnostic) -> Void

    func error(_ message: String, at location: SourceLocation?, keyword: String? = nil, class cls: ConfigErrorClass = .generalError, hint: String? = nil) {
        report(Diagnostic(.error, message, at: location, keyword: keyword, hint: hint, class: cls))
    }

    func warning(_ message: String, at location: SourceLocation?, keyword: String? = nil, class cls: ConfigErrorClass? = .warning, hint: String? = nil) {
        report(Diagnostic(.warning, message, at: location, keyword: keyword, hint: hint, class: cls))
    }
}
