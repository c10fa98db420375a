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
            let end = EscapeSequence.end(in: scalars, from: index)
            result.append(invisibleMarker)
            result.append(contentsOf: scalars[index..<end])
            result.append(invisibleMarker)
            index = end
        }
        return String(result)
    }
}
