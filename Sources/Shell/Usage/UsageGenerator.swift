/// The one-line synopsis of a command, built from its spec: `read RES... [--limit N] ...`.
struct UsageGenerator {
    let spec: CommandSpec

    var synopsis: String {
        var parts = [spec.name]
        for positional in spec.positionals {
            var text = positional.name + (positional.isRepeating ? "..." : "")
            if case .choice(let values) = positional.type.kind, values.count <= 4 { text = values.joined(separator: "|") }
            parts.append(positional.isOptional ? "[\(text)]" : text)
        }
        for option in spec.options {
            parts.append(option.isFlag ? "[--\(option.name)]" : "[--\(option.name) \(option.valueName ?? "")]")
        }
        if spec.effect == .destroys { parts.append("[--yes]") }
        return parts.joined(separator: " ")
    }
}
