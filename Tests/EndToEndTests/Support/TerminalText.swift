import LineEditor

/// Turns what a program wrote to a terminal into the text a person reads.
enum TerminalText {
    /// Decodes `bytes` as UTF-8 and removes escape sequences (CSI such as colors and cursor moves,
    /// OSC such as window titles, and two-byte escapes), carriage returns, backspaces and bells.
    static func readable(_ bytes: [UInt8]) -> String {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var text = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\u{1B}":
                index = EscapeSequence.end(in: scalars, from: index)
                continue
            case "\r", "\u{8}", "\u{7}", "\u{1}":
                break
            default:
                text.append(scalar)
            }
            index += 1
        }
        return String(text)
    }
}
