/// Turns the words of `onep COMMAND ARGS...` back into one shell line whose words are exactly the
/// ones the user's own shell passed, whatever characters they hold.
enum CommandQuoting {
    /// Characters the onep tokenizer treats specially somewhere in a word, plus blanks.
    private static let special: Set<Character> = [" ", "\t", "\n", "\r", "'", "\"", "\\", "$", "#", ";", "{", "[", "}", "]"]

    static func line(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// A word as is when nothing in it is special, else single-quoted (a single quote inside is
    /// written as `'\''`: close, escaped quote, reopen).
    static func quoted(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: special.contains) else { return word }
        var result = "'"
        for character in word {
            result += character == "'" ? #"'\''"# : String(character)
        }
        return result + "'"
    }
}
