/// Random identifiers in the platform's shape: 40 lowercase hex digits (RIDs, CIKs, tokens).
enum Identifiers {
    private static let digits = Array("0123456789abcdef".utf8)

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(40)
        for _ in 0..<20 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The identifier in canonical form, or nil when `text` is not 40 hex digits.
    static func canonical(_ text: String) -> String? {
        guard text.utf8.count == 40 else { return nil }
        // Every call names resources this way: check the bytes, and make a new string only for upper case.
        var lower = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "F"): lower = false
            default: return nil
            }
        }
        return lower ? text : text.lowercased()
    }
}
