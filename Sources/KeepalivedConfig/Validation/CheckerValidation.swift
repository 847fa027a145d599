/// Checks on virtual servers, real servers and checkers after parsing.
enum CheckerValidation {
    static func validate(_ config: inout Configuration, _ context: ValidationContext) {}
}
