/// What each word after a command's name is, as far as secrets are concerned: a secret value, a
/// RID (which looks like a CIK but is not one), or anything else.
struct ArgumentRoles {
    enum Role: Equatable {
        /// A secret; `variable` is the environment variable a recording refers to instead.
        case secret(variable: String, mayBeKeyName: Bool)
        /// `--option=SECRET` in one word: the part before the value stays.
        case secretInline(prefix: String, variable: String)
        case rid
        case other
    }

    private var roles: [Role] = []

    /// - Parameter words: the words after the command's name.
    init(spec: CommandSpec, words: [String]) {
        var positionalIndex = 0
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if !onlyPositionals, word == "--" {
                onlyPositionals = true
                roles.append(.other)
                continue
            }
            if !onlyPositionals, word.hasPrefix("-"), word.count > 1, !(word.dropFirst().first?.isNumber ?? false) {
                let name = String(word.prefix { $0 != "=" })
                let option = spec.allOptions.first { "--" + $0.name == name || (name.count == 2 && $0.short == name.last) }
                guard let option, !option.isFlag else {
                    roles.append(.other)
                    continue
                }
                let valueRole = ArgumentRoles.role(for: option)
                if word.contains("=") {
                    if case .secret(let variable, _) = valueRole {
                        roles.append(.secretInline(prefix: name + "=", variable: variable))
                    } else {
                        roles.append(valueRole == .rid ? .rid : .other)
                    }
                } else {
                    roles.append(.other)
                    if index < words.count {
                        roles.append(valueRole)
                        index += 1
                    }
                }
                continue
            }
            let positional =
                spec.positionals.indices.contains(positionalIndex) ? spec.positionals[positionalIndex] : spec.positionals.last(where: \.isRepeating)
            if positionalIndex < spec.positionals.count, !spec.positionals[positionalIndex].isRepeating { positionalIndex += 1 }
            roles.append(positional.map { ArgumentRoles.role(for: $0) } ?? .other)
        }
    }

    func role(of index: Int) -> Role {
        roles.indices.contains(index) ? roles[index] : .other
    }

    private static func role(for positional: PositionalSpec) -> Role {
        if positional.isSecret {
            return .secret(variable: variable(for: positional.name), mayBeKeyName: positional.completionSource == .keyName)
        }
        return positional.type == .path ? .rid : .other
    }

    private static func role(for option: OptionSpec) -> Role {
        if option.isSecret { return .secret(variable: option.variable ?? variable(for: option.valueName ?? option.name), mayBeKeyName: false) }
        return option.type == .path || option.valueName == "RID" ? .rid : .other
    }

    /// `CIK|KEYNAME` → `ONEP_CIK`, `TOKEN` → `ONEP_TOKEN`: the first name an argument goes by.
    static func variable(for argumentName: String) -> String {
        let first = argumentName.split(separator: "|").first.map(String.init) ?? argumentName
        let cleaned = first.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return "ONEP_" + String(cleaned)
    }
}

/// Finds runs of exactly 40 hex digits, the shape of a CIK or token.
enum HexMask {
    static func containsKey(_ text: String) -> Bool {
        !runs(in: Array(text)).isEmpty
    }

    /// `text` with each 40-hex run replaced by `replacement()`.
    static func masking(_ text: String, replacement: () -> String) -> String {
        var chars = Array(text)
        for run in runs(in: chars).reversed() {
            chars.replaceSubrange(run, with: Array(replacement()))
        }
        return String(chars)
    }

    private static func runs(in chars: [Character]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start: Int?
        for index in 0...chars.count {
            let isHex = index < chars.count && chars[index].isHexDigit
            if isHex, start == nil { start = index }
            if !isHex, let begin = start {
                if index - begin == 40 { found.append(begin..<index) }
                start = nil
            }
        }
        return found
    }
}
