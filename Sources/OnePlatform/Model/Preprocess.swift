import OnePJSON

/// The `preprocess` steps of a resource, applied in order to each value that arrives at it.
///
/// Arithmetic steps (`add`, `sub`, `mul`, `div`, `mod`) and comparisons (`gt`, `geq`, `lt`, `leq`,
/// `eq`, `neq`, which give 1 or 0) take a number or the latest value of a resource; `value`
/// replaces the value with its operand.
struct Preprocess {
    struct Step {
        let operation: String
        let operand: JSON
    }

    let steps: [Step]

    init(_ description: JSONObject) {
        steps = (description["preprocess"]?.arrayValue ?? []).compactMap { step in
            guard let pair = step.arrayValue, pair.count == 2, let operation = pair[0].stringValue else { return nil }
            return Step(operation: operation, operand: pair[1])
        }
    }

    var isEmpty: Bool { steps.isEmpty }

    /// The value after every step, in `format`, or nil when a step cannot apply (text that is not
    /// a number, division by zero, an operand resource with no value).
    ///
    /// - Parameter operandValue: the latest value of the resource an operand names.
    func apply(
        to value: PointValue, format: DataFormat, operandValue: (JSON) throws -> PointValue?
    ) throws -> PointValue? {
        var current = value
        for step in steps {
            let operand: PointValue?
            switch step.operand {
            case .int(let number): operand = .integer(number)
            case .double(let number): operand = .float(number)
            case let other where CallContext.looksLikeResourceID(other): operand = try operandValue(other)
            case .string(let text): operand = .text(text)
            default: operand = nil
            }
            guard let operand else { return nil }
            if step.operation == "value" {
                current = operand
                continue
            }
            guard let result = Self.compute(step.operation, current, operand) else { return nil }
            current = result
        }
        switch current {
        case .text(let text): return PointValue.coerce(.string(text), to: format)
        case .integer(let number): return PointValue.coerce(.int(number), to: format)
        case .float(let number): return PointValue.fromNumber(number, format: format)
        }
    }

    /// One step on two values: exact when both are integers and the result is one, otherwise in
    /// floating point.
    static func compute(_ operation: String, _ left: PointValue, _ right: PointValue) -> PointValue? {
        if case .integer(let a) = left, case .integer(let b) = right, let exact = integerResult(operation, a, b) {
            return .integer(exact)
        }
        guard let a = left.number, let b = right.number, let result = numberResult(operation, a, b), result.isFinite else {
            return nil
        }
        return .float(result)
    }

    private static func integerResult(_ operation: String, _ a: Int, _ b: Int) -> Int? {
        let outcome: (partialValue: Int, overflow: Bool)
        switch operation {
        case "add": outcome = a.addingReportingOverflow(b)
        case "sub": outcome = a.subtractingReportingOverflow(b)
        case "mul": outcome = a.multipliedReportingOverflow(by: b)
        case "mod":
            guard b != 0 else { return nil }
            outcome = a.remainderReportingOverflow(dividingBy: b)
        case "div":
            // `%` itself traps on the smallest integer divided by -1, so the remainder is checked too.
            guard b != 0, case (0, false) = a.remainderReportingOverflow(dividingBy: b) else { return nil }
            outcome = a.dividedReportingOverflow(by: b)
        default:
            guard let truth = comparison(operation, a, b) else { return nil }
            return truth ? 1 : 0
        }
        return outcome.overflow ? nil : outcome.partialValue
    }

    private static func numberResult(_ operation: String, _ a: Double, _ b: Double) -> Double? {
        switch operation {
        case "add": return a + b
        case "sub": return a - b
        case "mul": return a * b
        case "div": return b == 0 ? nil : a / b
        case "mod": return b == 0 ? nil : a.truncatingRemainder(dividingBy: b)
        default: return comparison(operation, a, b).map { $0 ? 1 : 0 }
        }
    }

    private static func comparison<Number: Comparable>(_ operation: String, _ a: Number, _ b: Number) -> Bool? {
        switch operation {
        case "gt": return a > b
        case "geq": return a >= b
        case "lt": return a < b
        case "leq": return a <= b
        case "eq": return a == b
        case "neq": return a != b
        default: return nil
        }
    }
}
