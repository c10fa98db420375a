import OnePJSON

/// How a datarule compares each input with its constant.
public enum Comparison: String, Sendable, CaseIterable {
    case gt, lt, eq, geq, leq, neq
}

/// The `rule` of a datarule: what it makes of each input.
///
/// `repeat` says whether an output equal to the rule's latest value is stored again.
public enum DataruleRule: Sendable, Equatable {
    /// The comparison's result for every input.
    case simple(Comparison, constant: Double, repeat: Bool = false)
    /// True once no input has arrived for `seconds`; false on the next input.
    case timeout(seconds: Double, repeat: Bool = false)
    /// The comparison's result for every input, and true again each `seconds` while it holds.
    case interval(Comparison, constant: Double, seconds: Double, repeat: Bool = false)
    /// True once the comparison has held for `seconds`; false as soon as it fails.
    case duration(Comparison, constant: Double, seconds: Double, repeat: Bool = false)
    /// True once `count` inputs satisfying the comparison arrive within `seconds`.
    case count(Comparison, constant: Double, count: Int, seconds: Double, repeat: Bool = false)
    /// A Lua script kept with the rule.
    case script(String)

    /// The rule object the platform expects.
    public var json: JSON {
        switch self {
        case .simple(let comparison, let constant, let again):
            return ["simple": Self.compare(comparison, constant, [("repeat", .bool(again))])]
        case .timeout(let seconds, let again):
            return ["timeout": ["timeout": Self.number(seconds), "repeat": .bool(again)]]
        case .interval(let comparison, let constant, let seconds, let again):
            return ["interval": Self.compare(comparison, constant, [("timeout", Self.number(seconds)), ("repeat", .bool(again))])]
        case .duration(let comparison, let constant, let seconds, let again):
            return ["duration": Self.compare(comparison, constant, [("timeout", Self.number(seconds)), ("repeat", .bool(again))])]
        case .count(let comparison, let constant, let count, let seconds, let again):
            return [
                "count": Self.compare(
                    comparison, constant, [("count", .int(count)), ("timeout", Self.number(seconds)), ("repeat", .bool(again))])
            ]
        case .script(let source):
            return ["script": .string(source)]
        }
    }

    private static func compare(_ comparison: Comparison, _ constant: Double, _ rest: [(String, JSON)]) -> JSON {
        .object(JSONObject([("comparison", .string(comparison.rawValue)), ("constant", number(constant))] + rest))
    }

    /// Whole numbers go out as integers, as people write them.
    static func number(_ value: Double) -> JSON {
        if value.rounded() == value, let whole = Int(exactly: value) { return .int(whole) }
        return .double(value)
    }
}
