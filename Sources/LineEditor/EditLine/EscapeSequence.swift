/// Where a terminal escape sequence ends, for code that must step over what takes no room on screen.
package enum EscapeSequence {
    /// The index just past the escape sequence that starts at `start` (which holds ESC): a control
    /// sequence (`ESC [` … final byte), an operating system command (`ESC ]` … BEL or `ESC \`),
    /// a character set selection (`ESC (` or `ESC )` and one byte), or a two-byte escape.
    package static func end(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        switch scalars[index] {
        case "[":
            index += 1
            while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                index += 1
            }
            return min(index + 1, scalars.count)
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
            return min(index + 2, scalars.count)
        default:
            return index + 1
        }
    }
}
