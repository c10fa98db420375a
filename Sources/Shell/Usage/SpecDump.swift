import Foundation
import OnePJSON

/// The command specs as a versioned, Codable document (`help --dump`), for docs and snapshot tests.
struct SpecDump {
    let commands: [CommandSpec]

    struct Document: Codable, Equatable {
        var version: Int
        var commands: [Command]
    }

    struct Command: Codable, Equatable {
        var words: [String]
        var aliases: [[String]]
        var abstract: String
        var discussion: String?
        var usage: String
        var effect: String
        var arguments: [Argument]
        var examples: [String]
    }

    struct Argument: Codable, Equatable {
        var name: String
        var kind: String
        var valueName: String?
        var help: String
        var type: String
        var choices: [String]?
        var optional: Bool
        var repeating: Bool
        var secret: Bool
        var completion: String
    }

    static let version = 1

    func document() -> Document {
        Document(version: SpecDump.version, commands: commands.map(command))
    }

    func json() -> JSON {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(document()), let json = try? JSON(parsing: [UInt8](data)) else { return .null }
        return json
    }

    private func command(_ spec: CommandSpec) -> Command {
        var arguments = spec.positionals.map { positional in
            Argument(
                name: positional.name, kind: "positional", valueName: nil, help: positional.help, type: positional.type.name,
                choices: positional.type.choices.isEmpty ? nil : positional.type.choices, optional: positional.isOptional,
                repeating: positional.isRepeating, secret: positional.isSecret, completion: positional.completionSource.name)
        }
        arguments += spec.allOptions.map { option in
            Argument(
                name: "--" + option.name, kind: option.isFlag ? "flag" : "option", valueName: option.valueName, help: option.help,
                type: option.isFlag ? "flag" : option.type.name, choices: option.type.choices.isEmpty ? nil : option.type.choices,
                optional: true, repeating: false, secret: option.isSecret, completion: option.completionSource.name)
        }
        return Command(
            words: spec.words, aliases: spec.aliases, abstract: spec.abstract, discussion: spec.discussion,
            usage: UsageGenerator(spec: spec).synopsis, effect: spec.effect.name, arguments: arguments, examples: spec.examples)
    }
}
