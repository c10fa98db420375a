import LineEditor

/// Text cut to a terminal's width, measured in display columns, with color sequences kept whole.
enum TerminalFit {
    /// `text` cut to `width` columns, with an ellipsis where it was cut; as it is when it fits.
    static func fitted(_ text: String, to width: Int) -> String {
        guard width > 0, DisplayWidth.of(TerminalFit.plain(text)) > width else { return text }
        var out = ""
        var used = 0
        var inEscape = false
        var colored = false
        for character in text {
            if character == "\u{1B}" {
                inEscape = true
                colored = true
            }
            if inEscape {
                out.append(character)
                if character == "m" { inEscape = false }
                continue
            }
            let next = DisplayWidth.of(character)
            if used + next > width - 1 { break }
            out.append(character)
            used += next
        }
        return out + "…" + (colored ? "\u{1B}[0m" : "")
    }

    /// The text without its color sequences.
    static func plain(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true }
            if inEscape {
                if character == "m" { inEscape = false }
                continue
            }
            out.append(character)
        }
        return out
    }

    /// A sparkline of `values`: one block a value, its height by where the value lies between the
    /// smallest and the largest (`▁▂▃▄▅▆▇█`, or ASCII digits 1-8).
    static func sparkline(_ values: [Double], unicode: Bool = true) -> String {
        guard let low = values.min(), let high = values.max() else { return "" }
        let blocks: [Character] = unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : ["1", "2", "3", "4", "5", "6", "7", "8"]
        return String(
            values.map { value in
                guard high > low else { return blocks[3] }
                return blocks[min(7, Int((value - low) / (high - low) * 7.999))]
            })
    }
}
