import CLua

/// The environment every script gets, exactly as the scripting contract lists it: `bit32`,
/// `math`, `string`, `table`, `ipairs`, `next`, `pairs`, `select`, `tonumber`, `tostring` and
/// `type` from Lua (without `math.randomseed`, `string.dump`, `string.gsub`, `table.sort`), the
/// `manage`, `dispatch` and `json` tables (the instance adds `alias`), `date`, `debug`, `setlocale`,
/// `settimezone` and `now`. Nothing else of the standard library is opened or left reachable.
enum ScriptSandbox {
    static let aliasMetatable = "onep.alias"
    static let aliasTableMetatable = "onep.aliastable"
    static let jsonArrayMetatable = "onep.json.array"
    static let jsonObjectMetatable = "onep.json.object"
    /// A registry table from object index to the userdata standing for it.
    static let objectsField = "onep.objects"

    static let luaGlobals: Set<String> = [
        "bit32", "math", "string", "table", "ipairs", "next", "pairs", "select", "tonumber", "tostring", "type",
    ]
    /// Each library as the Lua 5.2 manual lists it, without the functions the contract removes
    /// (`math.randomseed`, `string.dump`, `string.gsub`, `table.sort`) and without what Lua keeps
    /// only for compatibility (`table.maxn`, `math.log10`).
    static let libraries: [String: Set<String>] = [
        "bit32": ["arshift", "band", "bnot", "bor", "btest", "bxor", "extract", "replace", "lrotate", "lshift", "rrotate", "rshift"],
        "math": [
            "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp", "floor", "fmod", "frexp", "huge", "ldexp",
            "log", "max", "min", "modf", "pi", "pow", "rad", "random", "sin", "sinh", "sqrt", "tan", "tanh",
        ],
        "string": ["byte", "char", "find", "format", "gmatch", "len", "lower", "match", "rep", "reverse", "sub", "upper"],
        "table": ["concat", "insert", "pack", "remove", "unpack"],
    ]

    /// Builds the environment in the fresh state's globals table (which scripts see as `_ENV`).
    static func install(on stack: LuaStack) {
        let openers: [(String, lua_CFunction)] = [
            ("_G", luaopen_base), ("string", luaopen_string), ("table", luaopen_table), ("math", luaopen_math),
            ("bit32", luaopen_bit32),
        ]
        for (name, open) in openers { _ = onep_lua_open_library(stack.state, name, open) }
        onep_lua_push_globals(stack.state)
        let globals = stack.top
        removeUnlisted(from: globals, keeping: luaGlobals, stack)
        for (library, functions) in libraries {
            stack.pushField(library, of: globals)
            removeUnlisted(from: stack.top, keeping: functions, stack)
            stack.pop()
        }
        registerMetatables(stack)
        installPlatformTables(in: globals, stack)
        stack.pop()
    }

    private static func removeUnlisted(from table: Int32, keeping listed: Set<String>, _ stack: LuaStack) {
        var unlisted: [String] = []
        try? stack.forEachEntry(of: table) { key, _ in
            if let name = stack.string(at: key), !listed.contains(name) { unlisted.append(name) }
        }
        for name in unlisted {
            stack.pushNil()
            stack.setField(name, in: table)
        }
    }

    private static func registerMetatables(_ stack: LuaStack) {
        let state = stack.state
        luaL_newmetatable(state, aliasMetatable)
        stack.push(.aliasIndex)
        stack.setField("__index", in: -2)
        stack.push(.aliasNewIndex)
        stack.setField("__newindex", in: -2)
        stack.push(.aliasText)
        stack.setField("__tostring", in: -2)
        stack.push(false)
        stack.setField("__metatable", in: -2)
        stack.pop()
        luaL_newmetatable(state, aliasTableMetatable)
        stack.push(.aliasTableIndex)
        stack.setField("__index", in: -2)
        stack.push(.aliasTableNewIndex)
        stack.setField("__newindex", in: -2)
        stack.push(false)
        stack.setField("__metatable", in: -2)
        stack.pop()
        for name in [jsonArrayMetatable, jsonObjectMetatable] {
            luaL_newmetatable(state, name)
            stack.push(false)
            stack.setField("__metatable", in: -2)
            stack.pop()
        }
        stack.newTable()
        lua_setfield(state, onep_lua_registry_index(), objectsField)
    }

    private static func installPlatformTables(in globals: Int32, _ stack: LuaStack) {
        pushFunctionTable(ScriptFunction.manage, subject: 0, stack)
        stack.setField("manage", in: globals)
        pushFunctionTable(ScriptFunction.dispatch, subject: 0, stack)
        stack.setField("dispatch", in: globals)
        pushFunctionTable(ScriptFunction.json, subject: 0, stack)
        stack.pushJSONNull()
        stack.setField("null", in: -2)
        stack.setField("json", in: globals)
        for (name, function) in ScriptFunction.utilities {
            stack.push(function)
            stack.setField(name, in: globals)
        }
        // `now` is read afresh from the platform clock each time.
        stack.newTable()
        stack.push(.environmentIndex)
        stack.setField("__index", in: -2)
        stack.push(false)
        stack.setField("__metatable", in: -2)
        lua_setmetatable(stack.state, globals)
    }

    /// A table of platform functions, each bound to `subject`.
    static func pushFunctionTable(_ functions: [(name: String, function: ScriptFunction)], subject: Int, _ stack: LuaStack) {
        stack.newTable(fields: Int32(functions.count))
        for (name, function) in functions {
            stack.push(function, subject: subject)
            stack.setField(name, in: -2)
        }
    }
}
