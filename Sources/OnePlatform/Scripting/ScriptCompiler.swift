import CLua
import GRDB

/// Compiles a script's source without running it, to report a syntax error when the script is
/// created or its source changes.
enum ScriptCompiler {
    /// The syntax error in `source` as the log says it (`line 2: '=' expected near 'x'`), nil when it compiles.
    static func syntaxError(in source: String) -> ScriptFailure? {
        let host = UnsafeMutablePointer<onep_lua_host>.allocate(capacity: 1)
        host.initialize(
            to: onep_lua_host(used: 0, limit: ScriptLimits.memoryBytes, in_host: 0, ticks_left: 0, preempted: 0, owner: nil, dispatch: nil))
        defer {
            host.deinitialize(count: 1)
            host.deallocate()
        }
        guard let state = onep_lua_newstate(host) else { return .memory }
        defer { lua_close(state) }
        let status = source.utf8CString.withUnsafeBufferPointer { text in
            onep_lua_load_text(state, text.baseAddress, text.count - 1, ScriptMessage.chunkName)
        }
        if status == LUA_OK { return nil }
        if status == LUA_ERRMEM { return .memory }
        return .error(ScriptMessage.fromLua(LuaStack(state: state).string(at: -1) ?? "cannot load the script"))
    }
}

/// What a script datarule starts with when it is created, cloned or given its rule again (even
/// the same one: see ``UpdateProcedure``).
enum ScriptStart {
    /// A script starts as `running` (the runner picks it up after the commit), or as `error`
    /// with its syntax error in its log; a datarule that is no longer a script forgets its state.
    /// - Parameter changes: where the logged syntax error is noted, for waiters on the script's log.
    static func begin(_ rule: ResourceRecord, in db: Database, now: Int, changes: ChangeCollector) throws {
        guard case .script(let source)? = RuleDefinition(description: rule.description)?.kind else {
            try ScriptStateStore.remove(db, script: rule.key)
            return
        }
        // A new start, counted even when the status and the source stay: the runner (in whichever
        // process runs scripts) starts the script again from the top on seeing the count move.
        guard let failure = ScriptCompiler.syntaxError(in: source) else {
            try ScriptStateStore.set(db, script: rule.key, .running, at: now, newStart: true)
            return
        }
        try ScriptStateStore.set(db, script: rule.key, .error, error: failure.text, at: now, newStart: true)
        guard let ownerID = rule.parentID, let owner = try ResourceRecord.fetch(db, id: ownerID) else { return }
        try ScriptLog.append(ScriptMessage.errorLine(failure), to: rule, in: CallContext(db: db, caller: owner, now: now, changes: changes))
    }
}
