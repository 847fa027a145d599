/// track_file (and the deprecated vrrp_track_file): keepalived's trackers/track_file.c parsers.
enum TrackFileKeywords {
    static let table = KeywordTable([
        .keyword("file") { parser, line in
            guard let path = line[1] else {
                parser.error("track file file name missing", line, hint: "give the path of the file to track")
                return
            }
            guard let file = parser.config.trackFiles.last else { return }
            if file.path != nil {
                parser.error("File already set for track file \(file.name) - ignoring \(path)", line, word: 1,
                             hint: "give one 'file' per track_file")
                return
            }
            parser.config.withLast(\.trackFiles) { $0.path = path }
        },
        .keyword("weight") { parser, line in
            guard let file = parser.config.trackFiles.last else { return }
            guard line.count >= 2 else {
                parser.error("No weight specified for track file \(file.name) - ignoring", line, hint: "give a weight from -254 to 254")
                return
            }
            if file.weight != 1 {
                parser.error("Weight already set for track file \(file.name) - ignoring \(line[1]!)", line, word: 1,
                             hint: "give one 'weight' per track_file")
                return
            }
            var weight = 1
            if let value = parser.readInt(line, 1, -254...254) {
                weight = value
            } else {
                parser.error("Weight (\(line[1]!)) for track_file \(file.name) must be between [-254..254] inclusive. Ignoring...",
                             line, word: 1, hint: "use a weight from -254 to 254")
            }
            parser.config.withLast(\.trackFiles) { $0.weight = weight }
            if line.count >= 3 {
                if line[2] == "reverse" {
                    parser.config.withLast(\.trackFiles) { $0.weightReverse = true }
                } else {
                    parser.error("track_file \(file.name) unknown weight option \(line[2]!)", line, word: 2,
                                 hint: "the only option after the weight is 'reverse'")
                }
            }
        },
        .keyword("init_file") { parser, line in
            guard let file = parser.config.trackFiles.last else { return }
            var initFile = TrackFile.InitFile()
            for index in 1..<max(line.count, 1) {
                let word = String(line[index]!.drop(while: { $0 == " " || $0 == "\t" }))
                if let first = word.first, first.isASCII && first.isNumber || first == "-" {
                    let parsed = NumberText.strtol(word, radix: 10)
                    var value = 0
                    if !parsed.rest.isEmpty || parsed.overflow || parsed.value < Int(Int32.min) || parsed.value > Int(Int32.max) {
                        // keepalived reads it with read_int (which reports) and then says why.
                        _ = parser.readInt(word, Int(Int32.min)...Int(Int32.max), line, word: index)
                        parser.error("Track file \(file.name) init value \(word) is invalid", line, word: index,
                                     hint: "give a whole number")
                    } else {
                        value = parsed.value
                        if value < -254 || value > 254 {
                            parser.error("Track file \(file.name) init value \(value) is outside sensible range [-254, 254]",
                                         line, word: index, hint: "use a value from -254 to 254")
                        }
                    }
                    initFile.value = value
                } else if word == "overwrite" {
                    initFile.overwrite = true
                } else {
                    parser.error("Unknown track file init option \(word)", line, word: index,
                                 hint: "init_file takes a number and/or 'overwrite'")
                }
            }
            parser.config.withLast(\.trackFiles) { $0.initFile = initFile }
        },
    ])

    /// keepalived's track_file_handler (vrrp_track_file logs that it is deprecated first).
    static func open(_ parser: ConfigParser, _ line: KeywordLine, deprecated: Bool) {
        if deprecated {
            parser.note("\"vrrp_track_file\" is deprecated, please use \"track_file\"", line, hint: "rename the block to track_file")
        }
        guard let name = parser.argument(line, 1) else { return }
        parser.config.trackFiles.append(TrackFile(name: name, location: line.location))
    }

    /// keepalived's track_file_end_handler: a block without `file` is dropped.
    static func close(_ parser: ConfigParser) {
        guard let file = parser.config.trackFiles.last else { return }
        if file.path == nil {
            parser.errorHere("No file set for track_file \(file.name) - ignoring", class: .generalError,
                             hint: "add a 'file PATH' line")
            parser.config.trackFiles.removeLast()
        }
    }
}
