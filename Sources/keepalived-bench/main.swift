let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "parse" {
    ParseCommand.run(Array(arguments.dropFirst()))
}
