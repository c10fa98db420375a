import ArgumentParser
import Foundation
import OnePlatform
import Shell

/// `onep __complete -- WORD...`: what the shell completion scripts in completions/ ask. The words
/// are those typed after `onep`, outer flags included; the last one is being completed (possibly
/// empty). Prints one candidate per line.
enum CompletionEntry {
    /// The root command's options as ArgumentParser describes them.
    static var outer: OuterOptions { .onep }

    static func runAndExit(arguments: [String]) async -> Never {
        exit(await run(arguments: arguments))
    }

    static func run(arguments: [String]) async -> Int32 {
        var words = arguments
        if words.first == "--" { words.removeFirst() }
        let prefix = words.last ?? ""
        let typed = Array(words.dropLast())
        var index = 0
        while index < typed.count, typed[index].hasPrefix("-"), typed[index] != "-" {
            index += outer.values[typed[index]] != nil ? 2 : 1
        }
        let given = Array(typed.prefix(min(index, typed.count)))
        if index > typed.count, let flag = typed.last, let value = outer.values[flag] {
            return print(values(value, prefix: prefix))
        }
        let command = Array(typed.dropFirst(index))
        if command.first == "serve" {
            return print(OuterOptions.serve.longNames.filter { $0.hasPrefix(prefix) })
        }
        if command.isEmpty, prefix.hasPrefix("-") {
            return print(outer.longNames.filter { $0.hasPrefix(prefix) })
        }
        guard let runner = await runner(outer: given) else { return 0 }
        var candidates = await runner.completions(forWords: command + [prefix])
        if command.isEmpty, "serve".hasPrefix(prefix) { candidates = (candidates + ["serve"]).sorted() }
        await runner.shutdown()
        return print(candidates)
    }

    private static func values(_ value: OuterOptions.Value, prefix: String) -> [String] {
        switch value {
        case .none: return []
        case .choices(let choices): return choices.filter { $0.hasPrefix(prefix) }.sorted()
        case .file: return ShellRunner.fileCompletions(prefix: prefix)
        case .keyName: return ShellRunner.keyNameCompletions(prefix: prefix)
        }
    }

    /// A shell set up as the outer flags say, like a one-shot run; nil when they do not parse or
    /// the platform cannot be reached (completion then offers nothing rather than an error).
    private static func runner(outer: [String]) async -> ShellRunner? {
        guard let options = try? Onep.parse(outer) else { return nil }
        // A Tab press must not start every script from the top.
        return try? await Launcher(options: options, arguments: outer).makeRunner(output: .quiet, backgroundWork: .never).0
    }

    private static func print(_ candidates: [String]) -> Int32 {
        StandardStreams.writeOut(candidates.map { $0 + "\n" }.joined())
        return 0
    }
}
