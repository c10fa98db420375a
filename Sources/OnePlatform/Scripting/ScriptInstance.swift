import CLua
import Foundation

/// One script running in its own Lua state: loaded, resumed slice by slice, and closed.
///
/// It is used only by the script runner's thread. Lua calls back into it through the C
/// trampoline (see `shim.h`), which finds it through the state's allocator userdata.
final class ScriptInstance {
    /// The row id of the script's datarule.
    let key: Int64
    let source: String
    /// Which start of this script this is; work queued for an earlier start is dropped.
    let generation: Int
    let services: ScriptServices
    var objects = ScriptObjects()
    /// Set by `.wait` when it must suspend: what the runner waits for before resuming.
    var pendingWait: ScriptWait?
    var calendar = ScriptCalendar()
    /// Set when a call found the script's datarule gone: the script ends without a status.
    var isGone = false
    /// Slices in a row it used up without waiting.
    var preemptions = 0

    private let host: UnsafeMutablePointer<onep_lua_host>
    let main: OpaquePointer
    /// The coroutine the script's chunk runs in, so it can yield from `.wait` and the count hook.
    private let thread: OpaquePointer

    private init(
        key: Int64, source: String, generation: Int, services: ScriptServices, host: UnsafeMutablePointer<onep_lua_host>,
        main: OpaquePointer, thread: OpaquePointer
    ) {
        self.key = key
        self.source = source
        self.generation = generation
        self.services = services
        self.host = host
        self.main = main
        self.thread = thread
    }

    /// A script loaded and ready for its first slice, or the message that says why it cannot run.
    static func load(key: Int64, source: String, generation: Int, services: ScriptServices) -> Result<ScriptInstance, ScriptFailure> {
        let host = UnsafeMutablePointer<onep_lua_host>.allocate(capacity: 1)
        host.initialize(
            to: onep_lua_host(
                used: 0, limit: ScriptLimits.memoryBytes, in_host: 1, ticks_left: 0, preempted: 0, owner: nil,
                dispatch: scriptTrampolineTarget))
        guard let main = onep_lua_newstate(host) else {
            host.deallocate()
            return .failure(.memory)
        }
        let thread = lua_newthread(main)!
        // Anchored in the registry, so the collector keeps the coroutine.
        _ = onep_lua_ref(main)
        let instance = ScriptInstance(
            key: key, source: source, generation: generation, services: services, host: host, main: main, thread: thread)
        host.pointee.owner = Unmanaged.passUnretained(instance).toOpaque()
        ScriptSandbox.install(on: LuaStack(state: main))
        instance.pushObject(instance.objects.table(for: nil), on: LuaStack(state: main))
        lua_setglobal(main, "alias")
        host.pointee.in_host = 0
        if let failure = instance.compile() {
            instance.close()
            return .failure(failure)
        }
        onep_lua_set_count_hook(thread, ScriptLimits.instructionsPerTick)
        return .success(instance)
    }

    /// Loads the source as the coroutine's function; nil when it compiled.
    private func compile() -> ScriptFailure? {
        let status = source.utf8CString.withUnsafeBufferPointer { text in
            onep_lua_load_text(thread, text.baseAddress, text.count - 1, ScriptMessage.chunkName)
        }
        guard status != LUA_OK else { return nil }
        if status == LUA_ERRMEM { return .memory }
        return .error(ScriptMessage.fromLua(LuaStack(state: thread).string(at: -1) ?? "cannot load the script"))
    }

    /// Frees the Lua state. The instance must not be used afterwards.
    func close() {
        host.pointee.in_host = 1
        lua_close(main)
        host.deinitialize(count: 1)
        host.deallocate()
    }

    /// Memory the script's Lua state holds now.
    var memoryInUse: Int { host.pointee.used }

    // MARK: - Running

    /// Runs the script until it waits, finishes, fails or uses up its slice.
    func resume(with value: ScriptResumption) -> ScriptSliceOutcome {
        host.pointee.ticks_left = ScriptLimits.ticksPerSlice
        host.pointee.preempted = 0
        onep_lua_set_count_hook(thread, ScriptLimits.instructionsPerTick)
        pendingWait = nil
        let stack = LuaStack(state: thread)
        var count: Int32 = 0
        switch value {
        case .start:
            break
        case .timestamp(let timestamp):
            stack.push(timestamp)
            count = 1
        case .noPoint:
            stack.pushNil()
            count = 1
        }
        let status = lua_resume(thread, nil, count)
        switch status {
        case LUA_OK:
            stack.setTop(0)
            return .completed
        case LUA_YIELD:
            if host.pointee.preempted != 0 { return .preempted }
            if let pendingWait { return .waiting(pendingWait) }
            return .failed(.error("the script yielded outside of a wait"))
        default:
            if isGone { return .gone }
            if status == LUA_ERRMEM { return .failed(.memory) }
            let message = stack.string(at: -1) ?? "error"
            return .failed(message == ScriptMessage.outOfMemory ? .memory : .error(ScriptMessage.fromLua(message)))
        }
    }

    // MARK: - Calls from Lua

    /// Runs the platform function `id` for Lua and answers how many results it pushed, or one
    /// of the trampoline's codes.
    func perform(_ id: Int32, on stack: LuaStack) -> Int32 {
        guard let function = ScriptFunction(rawValue: id) else {
            stack.push("unknown platform function")
            return ONEP_LUA_RAISE
        }
        host.pointee.ticks_left -= function.reachesPlatform ? ScriptLimits.ticksPerPlatformCall : 1
        do {
            return try run(function, on: stack)
        } catch let raise as ScriptRaise {
            let line = onep_lua_current_line(stack.state, 1)
            stack.push(line > 0 ? "\(ScriptMessage.chunkLabel):\(line): \(raise.message)" : raise.message)
            return ONEP_LUA_RAISE
        } catch is ScriptGone {
            isGone = true
            stack.push("the script's datarule is gone")
            return ONEP_LUA_RAISE
        } catch {
            services.logger.error("script call failed", metadata: ["script": "\(key)", "error": "\(error)"])
            stack.push("internal error")
            return ONEP_LUA_RAISE
        }
    }

    private func run(_ function: ScriptFunction, on stack: LuaStack) throws -> Int32 {
        switch function {
        case .environmentIndex: return environmentIndex(stack)
        case .aliasTableIndex: return try aliasTableIndex(stack)
        case .aliasTableNewIndex: throw ScriptRaise("alias tables are read only")
        case .aliasIndex: return try aliasIndex(stack)
        case .aliasNewIndex: return try aliasNewIndex(stack)
        case .aliasText: return aliasText(stack)
        case .wait: return try wait(stack)
        case .manageActivate, .manageCreate, .manageDeactivate, .manageDrop, .manageInfo, .manageListing, .manageLookup,
            .manageMap, .manageRevoke, .manageShare, .manageTag, .manageUnmap, .manageUpdate, .manageUsage:
            return try manage(function, stack)
        case .dispatchEmail, .dispatchHeadline, .dispatchHTTP, .dispatchSMS, .dispatchTweet:
            return try dispatch(function, stack)
        case .jsonArray: return try ScriptJSONFunctions.array(stack)
        case .jsonDecode: return try ScriptJSONFunctions.decode(stack)
        case .jsonEncode: return ScriptJSONFunctions.encode(stack)
        case .jsonObject: return try ScriptJSONFunctions.object(stack)
        case .jsonType: return ScriptJSONFunctions.type(stack)
        case .date: return try date(stack)
        case .debug: return try debug(stack)
        case .setLocale: return setLocale(stack)
        case .setTimeZone: return setTimeZone(stack)
        }
    }
}

/// Where the C trampoline hands every call from Lua.
private let scriptTrampolineTarget: onep_lua_dispatch_fn = { owner, state, function in
    guard let owner, let state else { return ONEP_LUA_RAISE }
    let script = Unmanaged<ScriptInstance>.fromOpaque(owner).takeUnretainedValue()
    return script.perform(function, on: LuaStack(state: state))
}

extension ScriptFunction {
    /// Whether the function reads or changes the platform (and so costs more of the slice).
    var reachesPlatform: Bool {
        switch self {
        case .jsonArray, .jsonDecode, .jsonEncode, .jsonObject, .jsonType, .date, .setLocale, .setTimeZone, .aliasText,
            .aliasTableNewIndex:
            return false
        default:
            return true
        }
    }
}

/// What a script is resumed with.
enum ScriptResumption {
    /// Its first slice, or the next one after it was preempted.
    case start
    /// `.wait` returns this timestamp.
    case timestamp(Int)
    /// `.wait` returns nil (expired, or the resource could not be waited on).
    case noPoint
}

/// How one slice ended.
enum ScriptSliceOutcome {
    case completed
    case waiting(ScriptWait)
    case preempted
    case failed(ScriptFailure)
    /// Its datarule was dropped while it ran.
    case gone
}

/// Why a script stopped with status `error`.
enum ScriptFailure: Error, Equatable {
    case memory
    /// A syntax or runtime error, already worded for the log (`line N: message`).
    case error(String)

    var text: String {
        switch self {
        case .memory: return ScriptMessage.outOfMemory
        case .error(let text): return text
        }
    }
}
