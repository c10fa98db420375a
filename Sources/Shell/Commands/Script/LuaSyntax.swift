import CLua

/// Lua 5.2's own compiler, run on a script before it is uploaded: a syntax error is reported
/// against the file and nothing reaches the platform, so a refused upload changes nothing.
enum LuaSyntax {
    /// The syntax error in `source` as `FILE:LINE: message`, nil when it compiles.
    static func error(in source: String, file: String) -> String? {
        guard let state = luaL_newstate() else { return "\(file): not enough memory to compile it" }
        defer { lua_close(state) }
        let status = source.utf8CString.withUnsafeBufferPointer { text in
            // "t": text only, as the platform loads scripts.
            luaL_loadbufferx(state, text.baseAddress, text.count - 1, "=" + chunk, "t")
        }
        guard status != LUA_OK else { return nil }
        guard let message = lua_tolstring(state, -1, nil).map({ String(cString: $0) }) else { return "\(file): cannot be compiled" }
        // `script:3: message` names the chunk; the path may be longer than Lua keeps of a name.
        guard message.hasPrefix(chunk + ":") else { return "\(file): \(message)" }
        return file + message.dropFirst(chunk.count)
    }

    private static let chunk = "script"
}
