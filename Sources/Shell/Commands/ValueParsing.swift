import OnePJSON

/// How a value typed on the command line is sent: numbers as numbers, anything else as a string.
/// The platform coerces to the resource's format either way, so `write temp 21.5` and
/// `write name "hello world"` both do what they look like. An integer is a number only when it is
/// written as JSON writes it: `007` or `+5` goes as the text typed, which a string dataport keeps as
/// it is and a numeric one reads as the number.
enum ValueParsing {
    static func value(_ text: String) -> JSON {
        if let integer = Int(text) { return String(integer) == text ? .int(integer) : .string(text) }
        if let double = Double(text), double.isFinite, text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .double(double) }
        return .string(text)
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
