import Foundation
import GRDB
import OnePJSON

/// One stored value, already in its resource's format.
enum PointValue: Sendable, Equatable {
    case integer(Int)
    case float(Double)
    case text(String)

    /// The value coerced to `format`, or nil when it cannot be.
    ///
    /// Numbers written as JSON strings (`"42"`, `"-0.12"`) count as numbers; integers become floats
    /// for a float resource; a float with a fraction is not an integer. An integer written as text
    /// is read exactly, never through a double. Numbers out of range (``JSON/bigNumber(_:)``, a
    /// non-finite double) and text holding U+0000 (see ``RefusedValues``) fit no format.
    static func coerce(_ json: JSON, to format: DataFormat) -> PointValue? {
        switch (format, json) {
        case (.integer, .int(let value)): return .integer(value)
        case (.integer, .double(let value)): return exactInteger(value).map(PointValue.integer)
        case (.integer, .string(let text)): return integer(fromText: text).map(PointValue.integer)
        case (.float, .int(let value)): return .float(Double(value))
        case (.float, .double(let value)): return value.isFinite ? .float(value) : nil
        case (.float, .string(let text)): return parseNumber(text).map(PointValue.float)
        case (.string, .string(let text)): return RefusedValues.holdsNUL(text) ? nil : .text(text)
        case (.string, .int(let value)): return .text(String(value))
        case (.string, .double(let value)): return value.isFinite ? .text(numberText(value)) : nil
        default: return nil
        }
    }

    /// The value as a number for preprocessing, or nil for text that is not a number.
    var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        case .text(let text): return Self.parseNumber(text)
        }
    }

    /// The result of a numeric computation stored in `format`; integers drop any fraction.
    static func fromNumber(_ number: Double, format: DataFormat) -> PointValue? {
        guard number.isFinite else { return nil }
        switch format {
        case .integer:
            let truncated = number.rounded(.towardZero)
            guard let value = Int(exactly: truncated) else { return nil }
            return .integer(value)
        case .float:
            return .float(number)
        case .string:
            return .text(numberText(number))
        }
    }

    /// The value as the platform answers it: its format decides the JSON kind.
    func json(as format: DataFormat?) -> JSON {
        switch (format, self) {
        case (.float, .integer(let value)): return .double(Double(value))
        case (.integer, .float(let value)): return Int(exactly: value.rounded(.towardZero)).map(JSON.int) ?? .double(value)
        case (_, .integer(let value)): return .int(value)
        case (_, .float(let value)): return .double(value)
        case (_, .text(let text)): return .string(text)
        }
    }

    private static func exactInteger(_ value: Double) -> Int? {
        guard value.isFinite, value.rounded() == value else { return nil }
        return Int(exactly: value)
    }

    /// A decimal number written as text; hexadecimal, `inf` and `nan`, which `Double` also reads, are not numbers here.
    private static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy(isDecimalByte), let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// An integer written as text: digits alone are read exactly (and refused past 64 bits); a
    /// fraction or exponent (`"1e3"`, `"5.0"`) goes through a double and must land on an integer.
    private static func integer(fromText text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = trimmed.utf8[...]
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { digits = digits.dropFirst() }
        if !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return Int(trimmed) }
        return parseNumber(trimmed).flatMap(exactInteger)
    }

    private static func isDecimalByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"),
            UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    private static func numberText(_ value: Double) -> String {
        if let exact = exactInteger(value) { return String(exact) }
        return JSON.double(value).serialized()
    }
}

// MARK: - Storage

extension PointValue: DatabaseValueConvertible {
    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let value): return value.databaseValue
        case .float(let value): return value.databaseValue
        case .text(let text): return text.databaseValue
        }
    }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> PointValue? {
        switch dbValue.storage {
        case .int64(let value): return .integer(Int(value))
        case .double(let value): return .float(value)
        case .string(let text): return .text(text)
        case .blob, .null: return nil
        }
    }
}
