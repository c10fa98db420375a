/// "Did you mean" by edit distance: the candidates within a small distance of what was typed, closest first.
enum Suggester {
    static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typedLower = typed.lowercased()
        let threshold = max(2, typed.count / 3)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let lower = candidate.lowercased()
            var distance = editDistance(typedLower, lower)
            // A prefix of a longer word is a likely mistake too (`wri` for `write`).
            if lower.hasPrefix(typedLower), typedLower.count >= 2 { distance = min(distance, 1) }
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
