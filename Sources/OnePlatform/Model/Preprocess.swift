import OnePJSON

/// The `preprocess` steps of a resource, applied in order to each value written into it.
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
            if step.operand.isNumber {
                operand = step.operand.doubleValue.map(PointValue.float)
            } else if CallContext.looksLikeResourceID(step.operand) {
                operand = try operandValue(step.operand)
            } else {
                operand = step.operand.stringValue.map(PointValue.text)
            }
            guard let operand else { return nil }
            if step.operation == "value" {
                current = operand
                continue
            }
            guard let left = current.number, let right = operand.number,
                let result = Self.compute(step.operation, left, right)
            else { return nil }
            current = .float(result)
        }
        switch current {
        case .text(let text): return PointValue.coerce(.string(text), to: format)
        case .integer(let number): return PointValue.coerce(.int(number), to: format)
        case .float(let number): return PointValue.fromNumber(number, format: format)
        }
    }

    private static func compute(_ operation: String, _ left: Double, _ right: Double) -> Double? {
        switch operation {
        case "add": return left + right
        case "sub": return left - right
        case "mul": return left * right
        case "div": return right == 0 ? nil : left / right
        case "mod": return right == 0 ? nil : left.truncatingRemainder(dividingBy: right)
        case "gt": return left > right ? 1 : 0
        case "geq": return left >= right ? 1 : 0
        case "lt": return left < right ? 1 : 0
        case "leq": return left <= right ? 1 : 0
        case "eq": return left == right ? 1 : 0
        case "neq": return left != right ? 1 : 0
        default: return nil
        }
    }
}
