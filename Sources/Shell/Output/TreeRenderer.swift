import OnePJSON

/// The hierarchy drawn with box-drawing glyphs, one resource per line: name, type and format,
/// alias, RID, and with `--values` the latest value and its age (and with `--spark` a sparkline of
/// the recent values). At a terminal each line is cut to its width; piped output is whole.
struct TreeRenderer {
    var now: Int
    var color: Bool
    /// The terminal's columns; nil when output is not a terminal.
    var width: Int? = nil
    var unicode = true

    func render(_ root: TreeNode) -> String {
        var out = fit(line(for: root)) + "\n"
        draw(root.children, prefix: "", into: &out)
        return out
    }

    private func draw(_ nodes: [TreeNode], prefix: String, into out: inout String) {
        for (index, node) in nodes.enumerated() {
            let isLast = index == nodes.count - 1
            out += fit(prefix + (isLast ? "└── " : "├── ") + line(for: node)) + "\n"
            draw(node.children, prefix: prefix + (isLast ? "    " : "│   "), into: &out)
        }
    }

    private func line(for node: TreeNode) -> String {
        var parts = [paint(node.name, code: node.type == "client" ? "1;34" : "1")]
        parts.append(node.format.map { "\(node.type)/\($0)" } ?? node.type)
        if let alias = node.alias { parts.append(paint("alias: \(alias)", code: "36")) }
        parts.append(paint(node.rid, code: "2"))
        if node.shared { parts.append("(shared)") }
        if let latest = node.latest {
            var value = TextRenderer.plain(latest.value, pretty: false)
            // A long value is cut first, so the line keeps its age.
            if let width, value.count > max(12, width / 3) { value = TerminalFit.fitted(value, to: max(12, width / 3)) }
            parts.append("= " + value + " (" + TimeFormat.age(of: latest.timestamp, now: now) + " ago)")
        }
        if let spark = node.spark, spark.count > 1 { parts.append(TerminalFit.sparkline(spark, unicode: unicode)) }
        return parts.joined(separator: "  ")
    }

    private func fit(_ line: String) -> String {
        guard let width else { return line }
        return TerminalFit.fitted(line, to: width)
    }

    private func paint(_ text: String, code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
