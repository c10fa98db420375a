import CLua

/// The Lua values standing for alias tables and alias objects: full userdata holding the
/// object's index, one per object, with the metatable of its kind.
extension ScriptInstance {
    /// Pushes the userdata of object `index`, making it on first use.
    func pushObject(_ index: Int, on stack: LuaStack) {
        let state = stack.state
        onep_lua_get_registry_field(state, ScriptSandbox.objectsField)
        stack.pushItem(Int32(index + 1), of: -1)
        if stack.type(at: -1) != LUA_TNIL {
            lua_remove(state, -2)
            return
        }
        stack.pop()
        let payload = lua_newuserdata(state, MemoryLayout<Int32>.size)!
        payload.storeBytes(of: Int32(index), as: Int32.self)
        let isTable = objects.aliasTable(at: index) != nil
        stack.setMetatable(named: isTable ? ScriptSandbox.aliasTableMetatable : ScriptSandbox.aliasMetatable, on: -1)
        stack.pushCopy(of: -1)
        stack.setItem(Int32(index + 1), in: -3)
        lua_remove(state, -2)
    }

    /// The index of the object whose userdata is at `position`, if it is one of `metatable`'s kind.
    func objectIndex(at position: Int32, metatable: String, on stack: LuaStack) -> Int? {
        guard stack.type(at: position) == LUA_TUSERDATA, stack.hasMetatable(named: metatable, at: position),
            let payload = lua_touserdata(stack.state, position)
        else { return nil }
        return Int(payload.load(as: Int32.self))
    }

    /// The alias object at `position` (the `self` of a metamethod).
    func resourceAlias(at position: Int32, on stack: LuaStack) throws -> (index: Int, alias: ScriptObjects.ResourceAlias) {
        guard let index = objectIndex(at: position, metatable: ScriptSandbox.aliasMetatable, on: stack),
            let alias = objects.resourceAlias(at: index)
        else { throw ScriptRaise("expected an alias object") }
        return (index, alias)
    }
}
