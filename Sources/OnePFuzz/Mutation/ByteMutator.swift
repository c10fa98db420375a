/// Mutations of raw bytes: cut short, holes, repeats, stray bytes and escapes. They make text that
/// is truncated or no longer parses, which must be answered as such.
enum ByteMutator {
    private static let strayBytes: [UInt8] = Array(#"{}[]":,\0-.eE+u"#.utf8) + [0x00, 0x01, 0x0A, 0x7F, 0x80, 0xC3, 0xFF, 0x20]

    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        switch rng.below(8) {
        case 0:
            // Truncated: a body cut anywhere, as a client that died mid-send leaves it.
            bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
        case 1 where !bytes.isEmpty:
            let start = rng.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + rng.below(16)))
        case 2 where !bytes.isEmpty:
            let start = rng.below(bytes.count)
            let piece = bytes[start..<min(bytes.count, start + 1 + rng.below(32))]
            bytes.insert(contentsOf: piece, at: rng.below(bytes.count + 1))
        case 3:
            bytes.insert(rng.pick(strayBytes), at: rng.below(bytes.count + 1))
        case 4 where !bytes.isEmpty:
            bytes[rng.below(bytes.count)] ^= UInt8(1) << UInt8(rng.below(8))
        case 5:
            escapeOneLetter(&bytes, &rng)
        case 6 where !bytes.isEmpty:
            bytes[rng.below(bytes.count)] = rng.pick(strayBytes)
        default:
            bytes.insert(contentsOf: Array(rng.pick(FuzzCorpus.numberTexts).utf8), at: rng.below(bytes.count + 1))
        }
        return bytes
    }

    /// Writes one ASCII letter as `\u00XX`: inside a string the JSON means the same (a procedure
    /// named `w\u0061it` is `wait`); outside one it is no longer JSON.
    private static func escapeOneLetter(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        let letters = bytes.indices.filter { (97...122).contains(bytes[$0]) }
        guard !letters.isEmpty else { return }
        let position = rng.pick(letters)
        let hex = Array("0123456789abcdef".utf8)
        let byte = bytes[position]
        bytes.replaceSubrange(position...position, with: Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
    }
}
