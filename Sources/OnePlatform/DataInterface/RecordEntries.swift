/// The values a record request carries, grouped by alias, with their timestamps still as text.
struct RecordEntries: Sendable {
    struct Group: Sendable {
        let alias: String
        var points: [(timestamp: Int, text: String)] = []
    }

    private(set) var groups: [Group] = []

    /// `alias=a&<ts>=<value>&...&alias=b&<ts>=<value>...` (`/onep:v1/stack/record`).
    init(recordBody fields: FormFields) throws {
        for (name, value) in fields.pairs {
            if name == "alias" {
                groups.append(Group(alias: value))
            } else {
                guard !groups.isEmpty else { throw DataInterfaceFailure.badRequest("name the alias (alias=<alias>) before its values") }
                groups[groups.count - 1].points.append((try Self.timestamp(name), value))
            }
        }
    }

    /// `<ts>=<value>&...` for the alias in the path (`/onep:v1/stack/alias/<alias>`).
    init(alias: String, body fields: FormFields) throws {
        var group = Group(alias: alias)
        for (name, value) in fields.pairs { group.points.append((try Self.timestamp(name), value)) }
        groups = [group]
    }

    /// Digits are read exactly; a fraction (`1400000000.5`) is rounded down.
    private static func timestamp(_ text: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds }
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let number = Double(trimmed), number.isFinite,
            let seconds = Int(exactly: number.rounded(.down))
        else { throw DataInterfaceFailure.badRequest("\(text) is not a unix timestamp") }
        return seconds
    }
}
