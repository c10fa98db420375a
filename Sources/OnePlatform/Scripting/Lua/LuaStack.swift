import CLua
import Foundation

/// One Lua thread's stack as Swift reads and fills it.
///
/// Only API calls that cannot raise a Lua error are made here: tables are read and written raw
/// (no metamethods run), and allocations cannot fail while Swift code runs (see `shim.h`), since
/// a Lua error is a longjmp that must never cross a Swift frame.
struct LuaStack {
    let state: OpaquePointer

    var top: Int32 { lua_gettop(state) }

    func setTop(_ index: Int32) {
        lua_settop(state, index)
    }

    func pop(_ count: Int32 = 1) {
        onep_lua_pop(state, count)
    }

    func absolute(_ index: Int32) -> Int32 {
        lua_absindex(state, index)
    }

    /// Whether `count` more slots fit on the stack; grows it when it can.
    func hasRoom(for count: Int32) -> Bool {
        lua_checkstack(state, count) != 0
    }

    // MARK: - Reading

    func type(at index: Int32) -> Int32 {
        lua_type(state, index)
    }

    /// The Lua type name of the value at `index`, as error messages name it.
    func typeName(at index: Int32) -> String {
        String(cString: lua_typename(state, lua_type(state, index)))
    }

    /// Whether nothing, or nil, is at `index`.
    func isNil(at index: Int32) -> Bool {
        let kind = lua_type(state, index)
        return kind == LUA_TNIL || kind == LUA_TNONE
    }

    /// The string at `index`; nil for any other type (numbers are not converted in place).
    func string(at index: Int32) -> String? {
        guard lua_type(state, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let bytes = lua_tolstring(state, index, &length) else { return nil }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
            String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
    }

    /// A string, or a number written as Lua's `tostring` writes it, at `index`.
    func text(at index: Int32) -> String? {
        if let text = string(at: index) { return text }
        guard let number = number(at: index) else { return nil }
        return LuaNumber.text(number)
    }

    func number(at index: Int32) -> Double? {
        guard lua_type(state, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(state, index, nil)
    }

    func boolean(at index: Int32) -> Bool? {
        guard lua_type(state, index) == LUA_TBOOLEAN else { return nil }
        return lua_toboolean(state, index) != 0
    }

    /// Whether the value at `index` is `json.null` (a light userdata holding no address).
    func isJSONNull(at index: Int32) -> Bool {
        lua_type(state, index) == LUA_TLIGHTUSERDATA && lua_touserdata(state, index) == nil
    }

    // MARK: - Pushing

    func pushNil() {
        lua_pushnil(state)
    }

    func push(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(state, chars.baseAddress, chars.count)
            }
        }
    }

    func push(_ number: Double) {
        lua_pushnumber(state, number)
    }

    func push(_ number: Int) {
        lua_pushnumber(state, Double(number))
    }

    func push(_ flag: Bool) {
        lua_pushboolean(state, flag ? 1 : 0)
    }

    func pushJSONNull() {
        lua_pushlightuserdata(state, nil)
    }

    /// Pushes a copy of the value at `index`.
    func pushCopy(of index: Int32) {
        lua_pushvalue(state, index)
    }

    /// Pushes a Lua function that runs `function`, bound to `subject`.
    func push(_ function: ScriptFunction, subject: Int = 0) {
        onep_lua_push_function(state, function.rawValue, subject)
    }

    func newTable(sequence: Int32 = 0, fields: Int32 = 0) {
        lua_createtable(state, sequence, fields)
    }

    // MARK: - Tables (raw access only)

    /// Sets `table[name]` to the value on top of the stack, which it pops.
    func setField(_ name: String, in table: Int32) {
        let table = absolute(table)
        push(name)
        lua_insert(state, -2)
        lua_rawset(state, table)
    }

    /// Sets `table[position]` to the value on top of the stack, which it pops.
    func setItem(_ position: Int32, in table: Int32) {
        lua_rawseti(state, absolute(table), position)
    }

    /// Pushes `table[name]`.
    func pushField(_ name: String, of table: Int32) {
        let table = absolute(table)
        push(name)
        lua_rawget(state, table)
    }

    /// Pushes `table[position]`.
    func pushItem(_ position: Int32, of table: Int32) {
        lua_rawgeti(state, absolute(table), position)
    }

    /// The length of the sequence in the table at `index`, without metamethods.
    func rawLength(at index: Int32) -> Int {
        Int(lua_rawlen(state, index))
    }

    /// Calls `body` with the stack indices of each key and value of the table at `index`; the
    /// key must not be converted in place, so read it with ``string(at:)`` or ``number(at:)`` only.
    func forEachEntry(of index: Int32, _ body: (_ key: Int32, _ value: Int32) throws(ScriptRaise) -> Void) throws(ScriptRaise) {
        let table = absolute(index)
        pushNil()
        while lua_next(state, table) != 0 {
            do {
                try body(top - 1, top)
            } catch {
                pop(2)
                throw error
            }
            pop()
        }
    }

    // MARK: - Metatables

    /// Sets the metatable registered under `name` on the value at `index`.
    func setMetatable(named name: String, on index: Int32) {
        let target = absolute(index)
        onep_lua_get_registry_field(state, name)
        lua_setmetatable(state, target)
    }

    /// Whether the value at `index` has the metatable registered under `name`.
    func hasMetatable(named name: String, at index: Int32) -> Bool {
        let target = absolute(index)
        guard lua_getmetatable(state, target) != 0 else { return false }
        onep_lua_get_registry_field(state, name)
        let same = lua_rawequal(state, -1, -2) != 0
        pop(2)
        return same
    }
}

/// How Lua writes numbers, for texts made from them.
enum LuaNumber {
    /// `%.14g`, Lua 5.2's number format.
    static func text(_ number: Double) -> String {
        if number.isNaN { return number.sign == .minus ? "-nan" : "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        if let exact = Int(exactly: number), abs(exact) < 100_000_000_000_000 { return String(exact) }
        return String(format: "%.14g", number)
    }
}
