import OnePJSON

/// A range of serial numbers a model accepts without listing each one (`show=ranges`).
struct SerialRange: Sendable, Equatable {
    enum Format: String, Sendable {
        case base10
        case base16
        case mac48Colon = "mac:48"
        case mac48Dash = "mac-48"
        case mac48Dot = "mac.48"

        var isMAC: Bool { self != .base10 && self != .base16 }
    }

    var format: Format
    /// Digits a number is zero-padded to; not used by MAC formats.
    var length: Int?
    var upper: Bool
    var first: Int
    var last: Int

    /// Reads one range object of a `{"ranges": [...]}` body.
    init(json: JSON) throws(ProvisionFailure) {
        guard let object = json.objectValue else { throw .badRequest("a range must be an object") }
        guard let formatName = object["format"]?.stringValue, let format = Format(rawValue: formatName) else {
            throw .badRequest("a range needs a format: base10, base16, mac:48, mac-48 or mac.48")
        }
        guard let first = object["first"]?.intValue, let last = object["last"]?.intValue, first >= 0, first <= last else {
            throw .badRequest("a range needs integers first <= last")
        }
        let casing = object["casing"]?.stringValue ?? "upper"
        guard casing == "upper" || casing == "lower" else { throw .badRequest("casing must be upper or lower") }
        var length: Int?
        if let value = object["length"], !value.isNull {
            guard let number = value.intValue, (0...64).contains(number) else { throw .badRequest("length must be an integer up to 64") }
            length = format.isMAC ? nil : number
        }
        if format.isMAC, last > 0xFFFF_FFFF_FFFF { throw .badRequest("a MAC range ends at ffffffffffff") }
        self.init(format: format, length: length, upper: casing == "upper", first: first, last: last)
    }

    init(format: Format, length: Int?, upper: Bool, first: Int, last: Int) {
        self.format = format
        self.length = length
        self.upper = upper
        self.first = first
        self.last = last
    }

    var json: JSON {
        [
            "format": .string(format.rawValue), "length": length.map(JSON.int) ?? .null,
            "casing": upper ? "upper" : "lower", "first": .int(first), "last": .int(last),
        ]
    }

    /// Whether `sn`, written the way this range writes numbers, lies in it.
    func contains(_ sn: String) -> Bool {
        guard let value = value(of: sn) else { return false }
        return value >= first && value <= last
    }

    private func value(of sn: String) -> Int? {
        switch format {
        case .base10:
            guard sn.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), padded(sn) else { return nil }
            return Int(sn)
        case .base16:
            guard cased(sn), padded(sn) else { return nil }
            return Int(sn, radix: 16)
        case .mac48Colon, .mac48Dash:
            let separator: Character = format == .mac48Colon ? ":" : "-"
            let groups = sn.split(separator: separator, omittingEmptySubsequences: false)
            guard groups.count == 6, groups.allSatisfy({ $0.count == 2 }) else { return nil }
            return hexValue(groups.joined())
        case .mac48Dot:
            let groups = sn.split(separator: ".", omittingEmptySubsequences: false)
            guard groups.count == 3, groups.allSatisfy({ $0.count == 4 }) else { return nil }
            return hexValue(groups.joined())
        }
    }

    private func hexValue(_ digits: String) -> Int? {
        guard cased(digits) else { return nil }
        return Int(digits, radix: 16)
    }

    private func cased(_ digits: String) -> Bool {
        !digits.isEmpty
            && digits.allSatisfy { $0.isHexDigit && (($0.isNumber) || (upper ? $0.isUppercase : $0.isLowercase)) }
    }

    /// A fixed length means exactly that many digits; without one, no leading zeros.
    private func padded(_ digits: String) -> Bool {
        guard !digits.isEmpty else { return false }
        if let length, length > 0 { return digits.count == length }
        return digits == "0" || !digits.hasPrefix("0")
    }
}
