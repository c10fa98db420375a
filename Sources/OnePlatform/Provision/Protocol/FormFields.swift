/// The fields of a form body or query string (`a=1&b[]=2&b[]=3`), decoded, in order.
///
/// `name[]` and `name` are the same field: pyonep and the documents use both for lists.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []
    /// Whether some name or value decoded to bytes that are not UTF-8 (and were repaired with
    /// U+FFFD) or to text holding U+0000: text the platform refuses rather than store altered
    /// (see ``RefusedValues``).
    private(set) var holdsRefusedText = false

    init(_ text: String) {
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var name = decode(parts[0])
            if name.hasSuffix("[]") { name.removeLast(2) }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            pairs.append((name, value))
        }
    }

    init(bytes: [UInt8]) {
        let text = String(validating: bytes, as: UTF8.self)
        self.init(text ?? String(decoding: bytes, as: UTF8.self))
        if text == nil { holdsRefusedText = true }
    }

    mutating func append(_ other: FormFields) {
        pairs += other.pairs
        holdsRefusedText = holdsRefusedText || other.holdsRefusedText
    }

    /// The first value of a field.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of a field, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    func has(_ name: String) -> Bool {
        pairs.contains { $0.name == name }
    }

    /// Whether a flag field is set (`delete=true`).
    func flag(_ name: String) -> Bool {
        guard let value = self[name]?.lowercased() else { return false }
        return value == "true" || value == "1" || value == "yes"
    }

    /// A field that must be present and non-empty.
    func required(_ name: String) throws(ProvisionFailure) -> String {
        guard let value = self[name], !value.isEmpty else { throw .badRequest("missing field \(name)") }
        return value
    }

    /// A non-negative integer field, or `fallback` when absent.
    func integer(_ name: String, default fallback: Int) throws(ProvisionFailure) -> Int {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard let value = Int(text), value >= 0 else { throw .badRequest("\(name) must be a non-negative integer") }
        return value
    }

    private mutating func decode(_ text: Substring) -> String {
        let bytes = Self.decodedBytes(text)
        guard !bytes.contains(0), let valid = String(validating: bytes, as: UTF8.self) else {
            holdsRefusedText = true
            return String(decoding: bytes, as: UTF8.self)
        }
        return valid
    }

    private static func decodedBytes(_ text: Substring) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next() else {
                    bytes.append(byte)
                    break
                }
                guard let low = iterator.next() else {
                    bytes += [byte, high]
                    break
                }
                if let value = hex(high).flatMap({ h in hex(low).map { h << 4 | $0 } }) {
                    bytes.append(value)
                } else {
                    bytes += [byte, high, low]
                }
            default:
                bytes.append(byte)
            }
        }
        return bytes
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
