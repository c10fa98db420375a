import OnePJSON

/// What the platform refuses in any value a request brings, before it can reach storage.
///
/// SQLite as GRDB drives it binds text up to its first U+0000 and reads text back the same way, so
/// text holding U+0000 would be stored cut short and compared cut short (`"foo\u0000bar"` would
/// find the alias `foo`). Keeping such text exactly would mean storing every text column as a
/// blob; instead it is refused wherever it arrives, so whatever is stored comes back exactly as it
/// went in. Numbers that neither a 64-bit integer nor a finite double holds (``JSON/bigNumber(_:)``:
/// `1e400`, `-9223372036854775809`) are refused the same way rather than rounded.
///
/// One rule for every text field: an RPC call answers `invalid`, its auth answers 401, and the Data
/// Interface and provisioning answer 400.
enum RefusedValues {
    /// Whether `text` holds U+0000.
    static func holdsNUL(_ text: String) -> Bool {
        text.utf8.contains(0)
    }

    /// `text` with U+0000 written `\0`, for text the platform writes itself from what a script
    /// said (its log, its error), which has no caller to refuse.
    static func escapingNUL(_ text: String) -> String {
        guard holdsNUL(text) else { return text }
        return String(text.unicodeScalars.map { $0 == "\u{0}" ? "\\0" : String($0) }.joined())
    }

    /// Whether `value`, anywhere inside it (object keys too), holds text with U+0000 or a number
    /// out of range.
    static func refuses(_ value: JSON) -> Bool {
        switch value {
        case .null, .bool, .int: return false
        case .double(let number): return !number.isFinite
        case .bigNumber: return true
        case .string(let text): return holdsNUL(text)
        case .array(let values): return values.contains(where: refuses)
        case .object(let object): return object.contains { holdsNUL($0.key) || refuses($0.value) }
        }
    }
}

extension Arguments {
    /// Fails the call with `invalid` when any argument holds what ``RefusedValues`` refuses.
    func refuseUnstorable() throws(CallFailure) {
        guard !values.contains(where: RefusedValues.refuses) else { throw .invalid }
    }
}
