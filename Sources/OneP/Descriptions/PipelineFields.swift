import OnePJSON

/// One step of a resource's `preprocess` list: an operation with a constant or another resource's value.
public struct PreprocessStep: Sendable, Equatable {
    public enum Operation: String, Sendable, CaseIterable {
        case add, sub, mul, div, mod, gt, geq, lt, leq, eq, neq, value
    }

    /// What the operation combines the input with.
    public enum Operand: Sendable, Equatable {
        case constant(Double)
        case text(String)
        /// The latest value of a resource of the same client, by RID.
        case resource(String)
    }

    public let operation: Operation
    public let operand: Operand

    public init(_ operation: Operation, _ operand: Operand) {
        self.operation = operation
        self.operand = operand
    }

    public static func constant(_ operation: Operation, _ number: Double) -> PreprocessStep {
        PreprocessStep(operation, .constant(number))
    }

    public var json: JSON {
        let operandJSON: JSON
        switch operand {
        case .constant(let number): operandJSON = DataruleRule.number(number)
        case .text(let text): operandJSON = .string(text)
        case .resource(let rid): operandJSON = .string(rid)
        }
        return [.string(operation.rawValue), operandJSON]
    }
}

/// How many points, and points how many hours old, a resource keeps; nil keeps without limit.
public struct RetentionPolicy: Sendable, Equatable {
    public var count: Int?
    public var hours: Int?

    public init(count: Int? = nil, hours: Int? = nil) {
        self.count = count
        self.hours = hours
    }

    public var json: JSON {
        ["count": count.map(JSON.int) ?? "infinity", "duration": hours.map(JSON.int) ?? "infinity"]
    }
}

/// The delivery methods of a dispatch.
public enum DispatchMethod: String, Sendable, CaseIterable {
    case email, sms, xmpp
    case httpGet = "http_get"
    case httpPost = "http_post"
    case httpPut = "http_put"
}
