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
                index = escapeEnd(scalars, from: index)
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

    private static func escapeEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        switch scalars[index] {
        case "[":
            index += 1
            while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                index += 1
            }
            return index + 1
        case "]":
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
        case "(", ")":
            // Character set selection takes one more byte.
            return index + 2
        default:
            return index + 1
        }
    }
}
