import Shell

/// The one-shot form with outer options after the command, `onep read demo/temperature --format
/// json`, read as `onep --format json read demo/temperature`: an outer option the command does not
/// have itself (or has already been given) moves in front of the command.
enum TrailingOuterOptions {
    /// Outer options that may follow a command. `-c`, `-f`, `--check` and `--help` choose another
    /// mode or belong to the command, so they stay where they are.
    static let movable: Set<String> = Set(OuterOptions.onep.longNames).subtracting(["--command", "--file", "--check", "--update", "--help"])

    /// `arguments` (without the program name) with trailing outer options moved before the command.
    static func hoisted(_ arguments: [String]) -> [String] {
        let start = commandStart(arguments)
        guard start < arguments.count, !["serve", "__complete", "--"].contains(arguments[start]) else { return arguments }
        let words = Array(arguments[start...])
        guard let own = ShellRunner.optionNames(ofCommand: words) else { return arguments }
        var outer: [String] = []
        var kept: [String] = []
        var given: Set<String> = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" {
                kept += words[index...]
                break
            }
            let name = word.hasPrefix("--") ? String(word.prefix { $0 != "=" }) : ""
            let bare = String(name.dropFirst(2))
            guard movable.contains(name), !own.contains(bare) || given.contains(bare) else {
                if own.contains(bare) { given.insert(bare) }
                kept.append(word)
                index += 1
                continue
            }
            outer.append(word)
            let takesValue = OuterOptions.onep.values[name] != nil && !word.contains("=")
            if takesValue, index + 1 < words.count { outer.append(words[index + 1]) }
            index += takesValue ? 2 : 1
        }
        return Array(arguments[..<start]) + outer + kept
    }

    /// Where the command's words begin: after the outer options and their values.
    private static func commandStart(_ arguments: [String]) -> Int {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("-"), argument != "-", argument != "--" else { return index }
            index += OuterOptions.onep.values[argument] != nil ? 2 : 1
        }
        return index
    }
}
