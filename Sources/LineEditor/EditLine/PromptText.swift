/// Prepares a prompt for libedit, which must know which bytes take no room on screen.
enum PromptText {
    /// Brackets text libedit should print but not count as columns (see `EL_PROMPT_ESC`).
    static let invisibleMarker: Unicode.Scalar = "\u{1}"

    /// Brackets every terminal escape sequence (colors, titles) in ``invisibleMarker``s, so a
    /// colored prompt does not throw off libedit's cursor arithmetic. A prompt that already
    /// contains markers is taken as prepared.
    static func markingEscapes(_ prompt: String) -> String {
        let scalars = Array(prompt.unicodeScalars)
        guard scalars.contains("\u{1B}"), !scalars.contains(invisibleMarker) else { return prompt }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\u{1B}" else {
                result.append(scalars[index])
                index += 1
                continue
            }
            let end = escapeSequenceEnd(scalars, from: index)
            result.append(invisibleMarker)
            result.append(contentsOf: scalars[index..<end])
            result.append(invisibleMarker)
            index = end
        }
        return String(result)
    }

    /// Index just past the escape sequence starting at `start` (which holds ESC).
    private static func escapeSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        switch scalars[index] {
        case "[":
            // Control sequence: parameters and intermediates, then one final byte in @...~.
            index += 1
            while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                index += 1
            }
            return min(index + 1, scalars.count)
        case "]":
            // Operating system command: runs to BEL or to ESC \.
            index += 1
            while index < scalars.count {
                if scalars[index] == "\u{7}" {
                    return index + 1
                }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                    return index + 2
                }
                index += 1
            }
            return index
        default:
            return index + 1
        }
    }
}
