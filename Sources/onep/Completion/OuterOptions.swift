import ArgumentParser
import Foundation

/// A command's options as ArgumentParser itself describes them (the help dump it builds from the
/// declarations in ``Onep`` and ``ServeCommand``), so shell completion and the ordering of `-c`
/// and `-f` read the same declarations `onep --help` prints, with no list kept by hand.
struct OuterOptions: Sendable {
    /// What an option's value completes to.
    enum Value: Sendable, Equatable {
        case none
        case file
        /// Saved key names: the one custom completion onep declares (`--key`).
        case keyName
        case choices([String])
    }

    /// Every name (`-c`, `--command`) of an option that takes a value, with what completes it.
    let values: [String: Value]
    /// The long names of the flags, `--help` included.
    let flags: [String]

    static let onep = OuterOptions(Onep.self)
    static let serve = OuterOptions(ServeCommand.self)

    /// The long names of every option and flag.
    var longNames: [String] {
        (values.keys.filter { $0.hasPrefix("--") } + flags).sorted()
    }

    init(_ command: any ParsableCommand.Type) {
        var values: [String: Value] = [:]
        var flags: [String] = ["--help"]
        let dump = (try? JSONSerialization.jsonObject(with: Data(command._dumpHelp().utf8))) as? [String: Any]
        let arguments = ((dump?["command"] as? [String: Any])?["arguments"] as? [[String: Any]]) ?? []
        for argument in arguments where (argument["shouldDisplay"] as? Bool) != false {
            let names = ((argument["names"] as? [[String: Any]]) ?? []).compactMap { name -> String? in
                guard let text = name["name"] as? String else { return nil }
                return (name["kind"] as? String) == "short" ? "-" + text : "--" + text
            }
            switch argument["kind"] as? String {
            case "option":
                let value = OuterOptions.value(argument)
                for name in names { values[name] = value }
            case "flag":
                flags += names.filter { $0.hasPrefix("--") && !flags.contains($0) }
            default:
                continue
            }
        }
        self.values = values
        self.flags = flags
    }

    private static func value(_ argument: [String: Any]) -> Value {
        if let choices = argument["allValues"] as? [String], !choices.isEmpty { return .choices(choices) }
        guard let kind = (argument["completionKind"] as? [String: Any])?.keys.first else { return .none }
        switch kind {
        case "file", "directory": return .file
        case "list": return .choices((((argument["completionKind"] as? [String: Any])?["list"] as? [String: Any])?["values"] as? [String]) ?? [])
        case "custom", "customAsync": return .keyName
        default: return .none
        }
    }
}
