/// One word of a command line after quoting, escapes and `${NAME}` expansion are applied.
struct Word: Sendable, Hashable {
    /// The word's text as the command receives it.
    var text: String
    /// Offset of the word's first character in the line, in characters, for error messages and completion.
    var position: Int
    /// True when any part of the word was quoted, so `'#'` or `";"` stay literal and an empty `''` counts.
    var wasQuoted: Bool = false
    /// Offset just past the word's last character in the line, so a word can be replaced where it was typed.
    var end: Int = 0
    /// True when the word was written with a `${NAME}` reference, which history and recordings keep
    /// as written: the reference is not a secret, whatever it expands to.
    var hasVariable = false
}

/// Where a command's standard output goes instead of the screen: `> FILE`, `>> FILE`, or
/// `| SHELL-COMMAND` (the rest of the line, run by /bin/sh).
enum Redirection: Sendable, Hashable {
    case file(String, append: Bool)
    case pipe(String)
}

/// The words of one command (the text between two `;`).
struct WordList: Sendable, Hashable {
    var words: [Word]
    /// Set when the command ends with `> FILE`, `>> FILE` or `| COMMAND`.
    var redirection: Redirection?
    var texts: [String] { words.map(\.text) }
}
