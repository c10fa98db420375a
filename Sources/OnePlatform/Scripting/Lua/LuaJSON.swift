import CLua
import OnePJSON

/// Lua values as JSON and back, for `json.encode`/`json.decode` and for the arguments and
/// results of `manage` calls.
///
/// A table is an array when `json.array` marked it or its keys are exactly 1..n, an object when
/// `json.object` marked it or its keys are all strings; an empty unmarked table is an object.
/// Tables made from JSON carry the mark of what they were, so they encode back the same.
enum LuaJSON {
    /// What JSON `null` becomes in Lua.
    enum Null {
        /// `json.null`, so that decoding and encoding again keeps it.
        case marker
        /// nil, for results where a missing value is simply absent.
        case `nil`
    }

    /// A Lua number as JSON: an integer when it is a whole number an integer holds exactly.
    static func number(_ value: Double) -> JSON {
        if value.rounded() == value, abs(value) <= 9_007_199_254_740_992, let exact = Int(exactly: value) { return .int(exact) }
        return .double(value)
    }

    // MARK: - JSON to Lua

    static func push(_ json: JSON, on stack: LuaStack, null: Null, depth: Int = 0) {
        guard depth < ScriptLimits.nestingDepth, stack.hasRoom(for: 4) else {
            stack.pushNil()
            return
        }
        switch json {
        case .null:
            if case .marker = null { stack.pushJSONNull() } else { stack.pushNil() }
        case .bool(let flag):
            stack.push(flag)
        case .int(let value):
            stack.push(value)
        case .double(let value):
            stack.push(value)
        case .bigNumber(let text):
            // Lua's numbers are doubles: a number out of their range is what Lua itself reads from
            // its text (the nearest double, or an infinity, which json.encode then refuses).
            stack.push(Double(text) ?? 0)
        case .string(let text):
            stack.push(text)
        case .array(let items):
            stack.newTable(sequence: Int32(clamping: items.count))
            for (position, item) in items.enumerated() {
                push(item, on: stack, null: null, depth: depth + 1)
                stack.setItem(Int32(clamping: position + 1), in: -2)
            }
            stack.setMetatable(named: ScriptSandbox.jsonArrayMetatable, on: -1)
        case .object(let object):
            stack.newTable(fields: Int32(clamping: object.count))
            for (key, value) in object {
                push(value, on: stack, null: null, depth: depth + 1)
                stack.setField(key, in: -2)
            }
            stack.setMetatable(named: ScriptSandbox.jsonObjectMetatable, on: -1)
        }
    }

    // MARK: - Lua to JSON

    /// The value at `index` as JSON.
    ///
    /// - Throws: ``ScriptRaise`` for values JSON cannot hold (functions, NaN, tables with mixed
    ///   keys) and for nesting deeper than ``ScriptLimits/nestingDepth`` (which a cycle reaches).
    static func read(at index: Int32, on stack: LuaStack, depth: Int = 0) throws(ScriptRaise) -> JSON {
        let index = stack.absolute(index)
        switch stack.type(at: index) {
        case LUA_TNIL, LUA_TNONE:
            return .null
        case LUA_TBOOLEAN:
            return .bool(stack.boolean(at: index) ?? false)
        case LUA_TNUMBER:
            let value = stack.number(at: index) ?? 0
            guard value.isFinite else { throw ScriptRaise("cannot encode \(LuaNumber.text(value)) as JSON") }
            return number(value)
        case LUA_TSTRING:
            return .string(stack.string(at: index) ?? "")
        case LUA_TLIGHTUSERDATA where stack.isJSONNull(at: index):
            return .null
        case LUA_TTABLE:
            guard depth < ScriptLimits.nestingDepth, stack.hasRoom(for: 4) else {
                throw ScriptRaise("cannot encode tables nested more than \(ScriptLimits.nestingDepth) deep (or a cycle)")
            }
            return try table(at: index, on: stack, depth: depth)
        default:
            throw ScriptRaise("cannot encode a \(stack.typeName(at: index)) as JSON")
        }
    }

    private static func table(at index: Int32, on stack: LuaStack, depth: Int) throws(ScriptRaise) -> JSON {
        if stack.hasMetatable(named: ScriptSandbox.jsonArrayMetatable, at: index) {
            return try array(at: index, count: stack.rawLength(at: index), on: stack, depth: depth)
        }
        let forceObject = stack.hasMetatable(named: ScriptSandbox.jsonObjectMetatable, at: index)
        switch try shape(of: index, on: stack) {
        case .sequence(let count) where !forceObject:
            return try array(at: index, count: count, on: stack, depth: depth)
        case .fields(let keys):
            var object = JSONObject()
            for key in keys.sorted() {
                stack.pushField(key, of: index)
                defer { stack.pop() }
                object[key] = try read(at: -1, on: stack, depth: depth + 1)
            }
            return .object(object)
        default:
            throw ScriptRaise("cannot encode a table whose keys are not all strings as a JSON object")
        }
    }

    private static func array(at index: Int32, count: Int, on stack: LuaStack, depth: Int) throws(ScriptRaise) -> JSON {
        var items: [JSON] = []
        items.reserveCapacity(count)
        for position in 0..<count {
            stack.pushItem(Int32(clamping: position + 1), of: index)
            defer { stack.pop() }
            items.append(try read(at: -1, on: stack, depth: depth + 1))
        }
        return .array(items)
    }

    enum Shape {
        /// Keys exactly 1..count, count > 0.
        case sequence(Int)
        /// String keys only (none for an empty table).
        case fields([String])
        case mixed
    }

    /// How the keys of the table at `index` look.
    static func shape(of index: Int32, on stack: LuaStack) throws(ScriptRaise) -> Shape {
        var strings: [String] = []
        var positions = 0
        var largest = 0.0
        var other = false
        try stack.forEachEntry(of: index) { key, _ in
            if let name = stack.string(at: key) {
                strings.append(name)
            } else if let number = stack.number(at: key), number >= 1, number.rounded() == number {
                positions += 1
                largest = max(largest, number)
            } else {
                other = true
            }
        }
        if other || (positions > 0 && !strings.isEmpty) { return .mixed }
        if positions == 0 { return .fields(strings) }
        return Double(positions) == largest ? .sequence(positions) : .mixed
    }
}
