import ArgumentParser
import Foundation
import Shell

/// `onep __complete -- WORD...`: what the shell completion scripts in completions/ ask. The words
/// are those typed after `onep`, outer flags included; the last one is being completed (possibly
/// empty). Prints one candidate per line.
enum CompletionEntry {
    /// What an outer flag's value completes to.
    enum Value {
        case none
        case file
        case keyName
        case choices([String])
    }

    /// The root command's options that take a value (kept in step with ``Onep``; a test compares them with `onep --help`).
    static let valueOptions: [String: Value] = [
        "-c": .none, "--command": .none, "-f": .file, "--file": .file, "--host": .none, "--cik": .none, "--key": .keyName,
        "--format": .choices(FormatChoice.allCases.map(\.rawValue)), "--data": .file, "--record": .file, "--check": .file,
        "--cacert": .file,
    ]
    static let flags = ["--continue-on-error", "--echo", "--debug-http", "--update", "--help"]
    static let serveOptions = [
        "--port", "--bind", "--data", "--tls-cert", "--tls-key", "--max-body-size", "--max-calls", "--max-json-depth",
        "--header-timeout", "--body-timeout", "--idle-timeout", "--max-connections", "--help",
    ]

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
            index += valueOptions[typed[index]] != nil ? 2 : 1
        }
        let outer = Array(typed.prefix(min(index, typed.count)))
        if index > typed.count, let flag = typed.last, let value = valueOptions[flag] {
            return print(values(value, prefix: prefix))
        }
        let command = Array(typed.dropFirst(index))
        if command.first == "serve" {
            return print(serveOptions.filter { $0.hasPrefix(prefix) })
        }
        if command.isEmpty, prefix.hasPrefix("-") {
            return print((valueOptions.keys.filter { $0.hasPrefix("--") } + flags).filter { $0.hasPrefix(prefix) }.sorted())
        }
        guard let runner = await runner(outer: outer) else { return 0 }
        var candidates = await runner.completions(forWords: command + [prefix])
        if command.isEmpty, "serve".hasPrefix(prefix) { candidates = (candidates + ["serve"]).sorted() }
        await runner.shutdown()
        return print(candidates)
    }

    private static func values(_ value: Value, prefix: String) -> [String] {
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
        return try? await Launcher(options: options, arguments: outer).makeRunner(output: .quiet).0
    }

    private static func print(_ candidates: [String]) -> Int32 {
        StandardStreams.writeOut(candidates.map { $0 + "\n" }.joined())
        return 0
    }
}
