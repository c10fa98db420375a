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
