/// The `-c LINE` and `-f FILE` options in the order they were given.
///
/// The argument parser keeps each option's values in order but not how the two interleave, so the
/// order is read back from the raw arguments.
enum ScriptStep: Equatable {
    case line(String)
    case file(String)
}

extension ScriptStep {
    /// Options of the root command that take a value, as ArgumentParser declares them; their values
    /// are skipped while scanning.
    static let valueOptions = Set(OuterOptions.onep.values.keys)

    /// - Parameters:
    ///   - arguments: the raw arguments, without the program name.
    ///   - lines: the parsed `-c` values, in order.
    ///   - files: the parsed `-f` values, in order.
    static func ordered(arguments: [String], lines: [String], files: [String]) -> [ScriptStep] {
        var kinds: [Bool] = []  // true for a line, false for a file
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("-"), argument != "--" else { break }
            if argument == "-c" || argument == "--command" || argument == "-f" || argument == "--file" {
                kinds.append(argument == "-c" || argument == "--command")
                index += 1
            } else if argument.hasPrefix("--command=") || argument.hasPrefix("--file=") {
                kinds.append(argument.hasPrefix("--command="))
            } else if valueOptions.contains(argument) {
                index += 1
            }
            index += 1
        }
        guard kinds.filter({ $0 }).count == lines.count, kinds.filter({ !$0 }).count == files.count else {
            return lines.map(ScriptStep.line) + files.map(ScriptStep.file)
        }
        var remainingLines = lines[...]
        var remainingFiles = files[...]
        return kinds.map { isLine in
            isLine ? .line(remainingLines.removeFirst()) : .file(remainingFiles.removeFirst())
        }
    }
}
