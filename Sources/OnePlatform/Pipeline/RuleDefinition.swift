import OnePJSON

/// A datarule's `rule` object, checked and typed.
///
/// Every kind but `script` turns each input into a true or false output (stored as 1 or 0);
/// the timed kinds also produce outputs when their timer elapses.
struct RuleDefinition: Equatable, Sendable {
    enum Comparison: String, Sendable {
        case gt, lt, eq, geq, leq, neq

        func holds(_ value: Double, _ constant: Double) -> Bool {
            switch self {
            case .gt: return value > constant
            case .lt: return value < constant
            case .eq: return value == constant
            case .geq: return value >= constant
            case .leq: return value <= constant
            case .neq: return value != constant
            }
        }
    }

    /// A comparison of each input against a constant.
    struct Test: Equatable, Sendable {
        let comparison: Comparison
        let constant: Double

        func holds(_ value: Double) -> Bool { comparison.holds(value, constant) }
    }

    enum Kind: Equatable, Sendable {
        case simple(Test)
        /// A timer of 0 seconds never runs.
        case timeout(seconds: Int)
        case interval(Test, seconds: Int)
        case duration(Test, seconds: Int)
        case count(Test, count: Int, seconds: Int)
        case script(String)
    }

    let kind: Kind
    /// Whether an output equal to the latest stored one is stored again.
    let repeats: Bool

    /// The rule a datarule description holds, or nil when it has none that can be read.
    init?(description: JSONObject) {
        guard let rule = description["rule"], let parsed = try? Self(validating: rule) else { return nil }
        self = parsed
    }

    /// - Throws: `invalid` when the object is not one of the documented rule kinds with
    ///   parameters of the right kinds and ranges.
    init(validating rule: JSON) throws(CallFailure) {
        guard let object = rule.objectValue, object.count == 1, let (name, body) = object.entries.first.map({ ($0.key, $0.value) }) else {
            throw .invalid
        }
        if name == "script" {
            guard let source = body.stringValue else { throw .invalid }
            kind = .script(source)
            repeats = true
            return
        }
        guard let parameters = body.objectValue else { throw .invalid }
        let reader = Parameters(values: parameters)
        repeats = try reader.flag("repeat")
        switch name {
        case "simple":
            kind = .simple(try reader.test())
        case "timeout":
            kind = .timeout(seconds: try reader.seconds(allowingZero: true))
        case "interval":
            kind = .interval(try reader.test(), seconds: try reader.seconds(allowingZero: false))
        case "duration":
            kind = .duration(try reader.test(), seconds: try reader.seconds(allowingZero: true))
        case "count":
            guard let count = parameters["count"]?.intValue, count >= 1 else { throw .invalid }
            kind = .count(try reader.test(), count: count, seconds: try reader.seconds(allowingZero: false))
        default:
            throw .invalid
        }
    }

    /// Whether inputs must be numbers (every kind but timeout and script compares them).
    var comparesInputs: Bool {
        switch kind {
        case .timeout, .script: return false
        default: return true
        }
    }

    var isScript: Bool {
        if case .script = kind { return true }
        return false
    }
}

/// Reads the parameters of one rule kind.
private struct Parameters {
    let values: JSONObject

    func test() throws(CallFailure) -> RuleDefinition.Test {
        guard let word = values["comparison"]?.stringValue, let comparison = RuleDefinition.Comparison(rawValue: word),
            let constant = values["constant"], constant.isNumber, let number = constant.doubleValue, number.isFinite
        else { throw .invalid }
        return RuleDefinition.Test(comparison: comparison, constant: number)
    }

    /// The `timeout` parameter in whole seconds; a fraction of a second counts as a whole one.
    func seconds(allowingZero: Bool) throws(CallFailure) -> Int {
        guard let value = values["timeout"], value.isNumber, let number = value.doubleValue, number.isFinite, number >= 0,
            number <= 1e9
        else { throw .invalid }
        let seconds = Int(number.rounded(.up))
        guard allowingZero || seconds > 0 else { throw .invalid }
        return seconds
    }

    /// `repeat`: false when left out.
    func flag(_ key: String) throws(CallFailure) -> Bool {
        guard let value = values[key] else { return false }
        guard let flag = value.boolValue else { throw .invalid }
        return flag
    }
}
