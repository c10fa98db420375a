/// "Did you mean" by edit distance: the candidates within a small distance of what was typed, closest first.
///
/// The work is bounded whatever is typed: a candidate whose length differs from the typed word by
/// more than the allowed distance cannot be close and is never compared, and a word longer than
/// any command could be gets no suggestions at all.
enum Suggester {
    /// Words longer than this are not typos of a command, option or name.
    static let longestTypo = 64

    static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        guard typed.utf8.count <= longestTypo else { return [] }
        let typedLower = typed.lowercased()
        let typedLength = typedLower.count
        let threshold = max(2, typedLength / 3)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let lower = candidate.lowercased()
            // A prefix of a longer word is a likely mistake too (`wri` for `write`).
            if lower.hasPrefix(typedLower), typedLength >= 2 { return (candidate, min(1, lower.count - typedLength)) }
            guard abs(lower.count - typedLength) <= threshold else { return nil }
            let distance = editDistance(typedLower, lower)
            return distance <= threshold ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// Damerau–Levenshtein distance (optimal string alignment), so a swapped pair of letters costs one.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
