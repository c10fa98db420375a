import OnePJSON

/// How a value typed on the command line is sent: numbers as numbers, anything else as a string.
/// The platform coerces to the resource's format either way, so `write temp 21.5` and
/// `write name "hello world"` both do what they look like.
enum ValueParsing {
    static func value(_ text: String) -> JSON {
        if let integer = Int(text) { return .int(integer) }
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
