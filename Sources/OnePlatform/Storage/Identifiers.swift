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
        let lowered = text.lowercased()
        guard lowered.utf8.allSatisfy({ digits.contains($0) }) else { return nil }
        return lowered
    }
}
