/// A unified diff of two lists of lines, as `diff -u` prints it, with three lines of context.
struct UnifiedDiff {
    let old: [String]
    let new: [String]
    var context = 3

    private enum Edit: Equatable {
        case same(Int, Int)
        case removed(Int)
        case added(Int)
    }

    /// The diff text with `---`/`+++` headers; empty when the lines are the same.
    func render(oldName: String, newName: String) -> String {
        let edits = self.edits()
        guard edits.contains(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(edits) { out += render(hunk) }
        return out
    }

    /// The longest common subsequence, walked from the start.
    private func edits() -> [Edit] {
        let n = old.count
        let m = new.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                edits.append(.same(i, j))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removals first, as diff -u shows them.
                edits.append(.removed(i))
                i += 1
            } else {
                edits.append(.added(j))
                j += 1
            }
        }
        return edits
    }

    /// Runs of edits with their context, merged when the context of two changes overlaps.
    private func hunks(_ edits: [Edit]) -> [ArraySlice<Edit>] {
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...range.upperBound
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { edits[$0] }
    }

    private func render(_ hunk: ArraySlice<Edit>) -> String {
        var oldStart: Int?
        var newStart: Int?
        var oldCount = 0
        var newCount = 0
        var body = ""
        for edit in hunk {
            switch edit {
            case .same(let i, let j):
                oldStart = oldStart ?? i
                newStart = newStart ?? j
                oldCount += 1
                newCount += 1
                body += " " + old[i] + "\n"
            case .removed(let i):
                oldStart = oldStart ?? i
                oldCount += 1
                body += "-" + old[i] + "\n"
            case .added(let j):
                newStart = newStart ?? j
                newCount += 1
                body += "+" + new[j] + "\n"
            }
        }
        // diff -u numbers lines from 1; an empty side starts at the line before.
        let oldFrom = oldCount == 0 ? (oldStart ?? previousOld(hunk)) : (oldStart ?? 0) + 1
        let newFrom = newCount == 0 ? (newStart ?? previousNew(hunk)) : (newStart ?? 0) + 1
        return "@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n" + body
    }

    private func previousOld(_ hunk: ArraySlice<Edit>) -> Int {
        for edit in hunk {
            if case .added(let j) = edit { return min(j, old.count) }
        }
        return 0
    }

    private func previousNew(_ hunk: ArraySlice<Edit>) -> Int {
        for edit in hunk {
            if case .removed(let i) = edit { return min(i, new.count) }
        }
        return 0
    }
}
