/// What pressing Tab does to the line, decided from a completer's answer.
enum CompletionAction: Equatable {
    /// Nothing matched: the editor beeps and leaves the line alone.
    case none
    /// Replace `word`, the text immediately before the cursor, with `replacement`.
    case replace(word: String, replacement: String)
    /// Several candidates share no longer prefix than what is typed: show them.
    case list([String])

    /// Decides what Tab does.
    ///
    /// A single candidate is inserted whole, followed by a space so the next argument can be typed,
    /// except after a trailing "/" where the user will usually continue into a child. Several
    /// candidates extend the word to their longest common prefix when that adds something;
    /// otherwise they are listed.
    init(request: CompletionRequest, result: CompletionResult) {
        let before = request.textBeforeCursor
        let word = String(before.suffix(min(max(result.replacing, 0), before.count)))
        var seen = Set<String>()
        let candidates = result.candidates.filter { seen.insert($0).inserted }
        switch candidates.count {
        case 0:
            self = .none
        case 1:
            let candidate = candidates[0]
            self = .replace(word: word, replacement: candidate.hasSuffix("/") ? candidate : candidate + " ")
        default:
            let prefix = Self.commonPrefix(of: candidates)
            if prefix.count > word.count {
                self = .replace(word: word, replacement: prefix)
            } else {
                self = .list(candidates)
            }
        }
    }

    /// The longest run of leading Characters all `strings` share.
    static func commonPrefix(of strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = first[...]
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix { $0 == $1 }.count
            prefix = prefix.prefix(shared)
            if prefix.isEmpty {
                break
            }
        }
        return String(prefix)
    }
}
