/// Random identifiers in the platform's shape: 40 lowercase hex digits (RIDs, CIKs, tokens).
enum Identifiers {
    private static let digits = Array("0123456789abcdef".utf8)

    /// 160 random bits from the system's generator. Three words are asked for, not one per byte:
    /// each ask is a system call, and a batch of creates makes thousands of identifiers.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next(), generator.next()]
        return String(unsafeUninitializedCapacity: 40) { text in
            for slot in 0..<20 {
                let byte = UInt8(truncatingIfNeeded: words[slot / 8] >> (UInt64(slot % 8) * 8))
                text[2 * slot] = digits[Int(byte >> 4)]
                text[2 * slot + 1] = digits[Int(byte & 0x0f)]
            }
            return 40
        }
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
