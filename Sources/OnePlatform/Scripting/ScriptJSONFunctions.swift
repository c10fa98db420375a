import CLua
import OnePJSON

/// The `json` table: `array`, `decode`, `encode`, `object`, `type` (and `null`, a value).
enum ScriptJSONFunctions {
    /// `json.array(table)`: marks the table as a JSON array; its keys must be exactly 1..n.
    static func array(_ stack: LuaStack) throws -> Int32 {
        try mark(stack, as: ScriptSandbox.jsonArrayMetatable, function: "array") { shape in
            switch shape {
            case .sequence: return nil
            case .fields(let keys) where keys.isEmpty: return nil
            default: return "the table has keys other than 1..n"
            }
        }
    }

    /// `json.object(table)`: marks the table as a JSON object; its keys must all be strings.
    static func object(_ stack: LuaStack) throws -> Int32 {
        try mark(stack, as: ScriptSandbox.jsonObjectMetatable, function: "object") { shape in
            if case .fields = shape { return nil }
            return "the table has keys that are not strings"
        }
    }

    private static func mark(
        _ stack: LuaStack, as metatable: String, function: String, _ problem: (LuaJSON.Shape) -> String?
    ) throws -> Int32 {
        guard stack.type(at: 1) == LUA_TTABLE else {
            throw ScriptRaise.badArgument(1, to: function, "table expected, got \(stack.typeName(at: 1))")
        }
        if let problem = problem(try LuaJSON.shape(of: 1, on: stack)) {
            stack.pushNil()
            stack.push(problem)
            return 2
        }
        stack.setTop(1)
        stack.setMetatable(named: metatable, on: 1)
        return 1
    }

    /// `json.decode(text)`: the value, or nil and what is wrong with the text.
    static func decode(_ stack: LuaStack) throws -> Int32 {
        guard let text = stack.string(at: 1) else {
            throw ScriptRaise.badArgument(1, to: "decode", "string expected, got \(stack.typeName(at: 1))")
        }
        let value: JSON
        do {
            value = try JSON(parsing: text)
        } catch {
            stack.pushNil()
            stack.push(error.description)
            return 2
        }
        guard depth(of: value) <= ScriptLimits.nestingDepth else {
            stack.pushNil()
            stack.push("JSON nested more than \(ScriptLimits.nestingDepth) deep")
            return 2
        }
        LuaJSON.push(value, on: stack, null: .marker)
        return 1
    }

    /// `json.encode(value)`: the JSON text, or nil and why the value cannot be encoded.
    static func encode(_ stack: LuaStack) -> Int32 {
        do {
            let json = try LuaJSON.read(at: 1, on: stack)
            stack.push(json.serialized())
            return 1
        } catch {
            stack.pushNil()
            stack.push(error.message)
            return 2
        }
    }

    /// `json.type(value)`: "array", "object", "string", "number", "boolean", "null", or nil.
    static func type(_ stack: LuaStack) -> Int32 {
        switch stack.type(at: 1) {
        case LUA_TSTRING: stack.push("string")
        case LUA_TNUMBER: stack.push("number")
        case LUA_TBOOLEAN: stack.push("boolean")
        case LUA_TLIGHTUSERDATA where stack.isJSONNull(at: 1): stack.push("null")
        case LUA_TTABLE: pushTableType(stack)
        default: stack.pushNil()
        }
        return 1
    }

    private static func pushTableType(_ stack: LuaStack) {
        if stack.hasMetatable(named: ScriptSandbox.jsonArrayMetatable, at: 1) {
            stack.push("array")
        } else if stack.hasMetatable(named: ScriptSandbox.jsonObjectMetatable, at: 1) {
            stack.push("object")
        } else {
            switch try? LuaJSON.shape(of: 1, on: stack) {
            case .sequence: stack.push("array")
            case .fields: stack.push("object")
            default: stack.pushNil()
            }
        }
    }

    private static func depth(of value: JSON) -> Int {
        switch value {
        case .array(let items): return 1 + (items.map(depth(of:)).max() ?? 0)
        case .object(let object): return 1 + (object.map { depth(of: $0.value) }.max() ?? 0)
        default: return 0
        }
    }
}
