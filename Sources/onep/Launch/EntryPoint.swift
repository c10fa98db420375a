import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses a command's arguments and runs it, turning every outcome into onep's exit statuses.
enum EntryPoint {
    static func run<Command: AsyncParsableCommand>(_ type: Command.Type, arguments: [String]) async -> Never {
        var command: Command
        do {
            command = try type.parse(arguments)
        } catch {
            let code = type.exitCode(for: error)
            if code == .success {
                // --help (and friends) print in full, to standard output.
                StandardStreams.writeOut(type.fullMessage(for: error) + "\n")
                exit(0)
            }
            // A usage error is one line, whatever the parser would print.
            let message = type.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            let name = type.configuration.commandName ?? "onep"
            let help = name == "onep" ? "onep --help" : "onep \(name) --help"
            StandardStreams.complain(Self.withoutErrorPrefix(message) + " (see '\(help)')")
            exit(2)
        }
        do {
            try await command.run()
            exit(0)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch {
            StandardStreams.complain("\(error)".split(whereSeparator: \.isNewline).joined(separator: " "))
            exit(1)
        }
    }

    private static func withoutErrorPrefix(_ message: String) -> String {
        message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
    }
}
