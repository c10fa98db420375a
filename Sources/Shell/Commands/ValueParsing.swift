import OnePJSON

/// How a value typed by a person is sent, so that it arrives with the type they meant.
///
/// The resource's format decides where it is known: a string dataport gets the text as typed
/// (`007` stays `"007"`, `1.50` stays `"1.50"`), a numeric one a number (`007` is 7; `1` and
/// `1.0` keep their integer or float form on the wire). Where the format is not known, a quoted
/// value is text and an unquoted one is a number when JSON would write it that way: `007` or
/// `+5` goes as the text typed, which a string dataport keeps and a numeric one reads as the
/// number.
enum ValueParsing {
    /// A value for a resource whose format is not known.
    static func value(_ text: String) -> JSON {
        if let integer = Int(text) { return String(integer) == text ? .int(integer) : .string(text) }
        if let double = Double(text), double.isFinite, text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .double(double) }
        return .string(text)
    }

    /// A value for a resource of `format` (nil when not known); `quoted` when the person quoted it.
    static func value(_ text: String, format: String?, quoted: Bool = false) -> JSON {
        switch format {
        case "string": return .string(text)
        case "integer", "float": return number(text) ?? .string(text)
        default: return quoted ? .string(text) : value(text)
        }
    }

    /// The number `text` writes in decimal, spaces around it allowed: an integer as an integer
    /// (`007` is 7, `+5` is 5), anything with a point or exponent as a float; nil for anything
    /// else (`0x10`, `inf`, words, a number out of a double's range).
    static func number(_ text: String) -> JSON? {
        let trimmed = text.trimmingCharacters(in: " \t")
        if let integer = Int(trimmed) { return .int(integer) }
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy(isDecimal), let double = Double(trimmed), double.isFinite else { return nil }
        return .double(double)
    }

    private static func isDecimal(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    /// A JSON option or argument that the parser already checked.
    static func json(_ text: String) throws(ShellError) -> JSON {
        do {
            return try JSON(parsing: text)
        } catch {
            throw ShellError.badJSON(text, reason: error.description)
        }
    }
}
