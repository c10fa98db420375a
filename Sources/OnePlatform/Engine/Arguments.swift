import OnePJSON

/// The positional arguments of one call, with accessors that fail the call when a shape is wrong.
struct Arguments {
    let values: [JSON]

    var count: Int { values.count }

    /// The argument at `index`, or no value when it was not given.
    subscript(index: Int) -> JSON? {
        // Not a ternary with nil: JSON accepts the nil literal and would turn absence into null.
        guard values.indices.contains(index) else { return .none }
        return values[index]
    }

    /// The argument at `index`; its absence fails the call.
    func required(_ index: Int, _ name: String) throws(CallFailure) -> JSON {
        guard let value = self[index] else { throw .arguments("missing argument \(index + 1): \(name)") }
        return value
    }

    func string(_ index: Int, _ name: String) throws(CallFailure) -> String {
        guard let text = try required(index, name).stringValue else {
            throw .arguments("argument \(index + 1) (\(name)) must be a string")
        }
        return text
    }

    func list(_ index: Int, _ name: String) throws(CallFailure) -> [JSON] {
        guard let list = try required(index, name).arrayValue else {
            throw .arguments("argument \(index + 1) (\(name)) must be a list")
        }
        return list
    }

    func object(_ index: Int, _ name: String) throws(CallFailure) -> JSONObject {
        guard let object = try required(index, name).objectValue else {
            throw .arguments("argument \(index + 1) (\(name)) must be an object")
        }
        return object
    }

    /// An options object that may be left out or given as `{}`.
    func options(_ index: Int) throws(CallFailure) -> JSONObject {
        guard let value = self[index], !value.isNull else { return JSONObject() }
        guard let object = value.objectValue else {
            throw .arguments("argument \(index + 1) (options) must be an object")
        }
        return object
    }

    /// Fails the call when more arguments were given than the procedure takes.
    func expectAtMost(_ limit: Int) throws(CallFailure) {
        guard count <= limit else { throw .arguments("expected at most \(limit) arguments, got \(count)") }
    }
}
