/// Checks on scripts, tracked files and processes after parsing.
enum TrackerValidation {
    static func validate(_ config: inout Configuration, _ context: ValidationContext) {}
}
