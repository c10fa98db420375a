/// onep's version, as `onep --version` and the shell's `version` print it.
public enum OnepVersion {
    /// Raised with each milestone that changes what users meet.
    public static let number = "0.2.0"

    /// The line both print.
    public static var text: String { "onep " + number }
}

extension ShellRunner {
    /// The option names (without `--`) of the command that `words` begin with, or nil when they
    /// name none: how the one-shot form tells a command's own `--format` from the outer one.
    public static func optionNames(ofCommand words: [String]) -> Set<String>? {
        guard let (spec, _) = CommandParser(commands: CommandTable.all).match(words) else { return nil }
        return Set(spec.allOptions.map(\.name))
    }
}
