import OnePJSON

/// Builds the stored description of a resource from what a create or update sent.
///
/// Only documented keys are kept (old clients send extras such as `writeinterval` or
/// `visibility`, which are dropped); missing keys take their defaults on create and keep their
/// current value on update. A documented key with an unacceptable value fails with `invalid`.
struct DescriptionNormalizer {
    let type: ResourceType
    /// Resolves a ResourceID that a `subscribe` or a preprocess operand names to its RID; fails
    /// for a resource the owner cannot reach or one that keeps no values.
    let resolveSubscription: (JSON) throws -> String

    func creating(from input: JSONObject) throws -> JSONObject {
        var result = JSONObject()
        for field in DescriptionDefaults.fields(of: type) {
            if let value = input[field.key] {
                result[field.key] = try normalize(value, for: field, current: field.defaultValue)
            } else if let fallback = field.defaultValue {
                result[field.key] = fallback
            } else {
                throw CallFailure.invalid
            }
        }
        return result
    }

    func updating(_ current: JSONObject, with input: JSONObject) throws -> JSONObject {
        var result = JSONObject()
        for field in DescriptionDefaults.fields(of: type) {
            let existing = current[field.key] ?? field.defaultValue
            if let value = input[field.key] {
                if case .format = field, value != existing {
                    // The format of stored points cannot change under them.
                    throw CallFailure.invalid
                }
                result[field.key] = try normalize(value, for: field, current: existing)
            } else if let existing {
                result[field.key] = existing
            }
        }
        return result
    }

    private func normalize(_ value: JSON, for field: DescriptionField, current: JSON?) throws -> JSON {
        switch field {
        case .text, .requiredText:
            guard value.stringValue != nil else { throw CallFailure.invalid }
            return value
        case .flag:
            guard value.boolValue != nil else { throw CallFailure.invalid }
            return value
        case .limits:
            return .object(
                try merged(
                    value, into: current?.objectValue ?? DescriptionDefaults.limits,
                    keys: DescriptionDefaults.limitKeys, special: "inherit"))
        case .retention:
            return .object(
                try merged(
                    value, into: current?.objectValue ?? DescriptionDefaults.retention,
                    keys: ["count", "duration"], special: "infinity"))
        case .preprocess:
            return try preprocess(value)
        case .subscribe:
            if value.isNull { return .null }
            return .string(try resolveSubscription(value))
        case .format:
            guard let text = value.stringValue, DataFormat(rawValue: text) != nil else { throw CallFailure.invalid }
            return value
        case .rule:
            _ = try RuleDefinition(validating: value)
            return value
        case .method:
            guard let text = value.stringValue, DescriptionDefaults.dispatchMethods.contains(text) else {
                throw CallFailure.invalid
            }
            return value
        }
    }

    /// Merges a partial object of non-negative numbers (or one special word) over `base`.
    private func merged(_ value: JSON, into base: JSONObject, keys: [String], special: String) throws -> JSONObject {
        guard let input = value.objectValue else { throw CallFailure.invalid }
        var result = base
        for key in keys {
            guard let item = input[key] else { continue }
            if item.stringValue == special {
                result[key] = item
            } else if let number = item.intValue, number >= 0 {
                result[key] = .int(number)
            } else {
                throw CallFailure.invalid
            }
        }
        return result
    }

    private func preprocess(_ value: JSON) throws -> JSON {
        guard let steps = value.arrayValue else { throw CallFailure.invalid }
        for step in steps {
            guard let pair = step.arrayValue, pair.count == 2, let operation = pair[0].stringValue,
                DescriptionDefaults.preprocessOperations.contains(operation)
            else { throw CallFailure.invalid }
            let operand = pair[1]
            let acceptable =
                operand.isNumber || CallContext.looksLikeResourceID(operand)
                || (operation == "value" && operand.stringValue != nil)
            guard acceptable else { throw CallFailure.invalid }
            // A RID operand must name a resource with values that the owner reaches; an alias may
            // be mapped later, so it is looked up when values arrive.
            if operand.stringValue != nil, CallContext.looksLikeResourceID(operand) { _ = try resolveSubscription(operand) }
        }
        return value
    }
}
