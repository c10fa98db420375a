import OnePJSON

/// The hierarchy drawn with box-drawing glyphs, one resource per line: name, type and format,
/// alias, RID, and with `--values` the latest value and its age.
struct TreeRenderer {
    var now: Int
    var color: Bool

    func render(_ root: TreeNode) -> String {
        var out = line(for: root) + "\n"
        draw(root.children, prefix: "", into: &out)
        return out
    }

    private func draw(_ nodes: [TreeNode], prefix: String, into out: inout String) {
        for (index, node) in nodes.enumerated() {
            let isLast = index == nodes.count - 1
            out += prefix + (isLast ? "└── " : "├── ") + line(for: node) + "\n"
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
            parts.append("= " + TextRenderer.plain(latest.value, pretty: false) + " (" + TimeFormat.age(of: latest.timestamp, now: now) + " ago)")
        }
        return parts.joined(separator: "  ")
    }

    private func paint(_ text: String, code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
