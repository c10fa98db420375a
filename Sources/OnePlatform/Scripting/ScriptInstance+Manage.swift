import CLua
import OnePJSON

/// The `manage` table: each function is the RPC procedure of the same name, called as the
/// script's owner (or as the client alias it was taken from) through the engine's own checks.
/// Answers `true[, result]`, or `false, <status>` where the status is the call's (`badarg` for
/// arguments of the wrong shape).
extension ScriptInstance {
    func manage(_ function: ScriptFunction, _ stack: LuaStack) throws -> Int32 {
        guard let name = function.manageName else { throw ScriptRaise("unknown manage function") }
        let subject = Int(onep_lua_subject(stack.state))
        var given: [JSON] = []
        let count = stack.top
        if count > 0 {
            for index in 1...count { given.append(try LuaJSON.read(at: index, on: stack)) }
        }
        let (procedure, arguments) = Self.procedureCall(name, given)
        let writes = services.engine.table[procedure]?.access == .writes
        let actingKey = try actingClientKey(subject)
        let outcome = try services.transaction(for: key, writes: writes) { scope -> Result<JSON?, CallFailure> in
            var client: ResourceRecord?
            if let actingKey {
                guard let found = try ResourceRecord.fetch(scope.db, id: actingKey) else { return .failure(.restricted) }
                client = found
            }
            return try scope.call(procedure, arguments, as: client)
        }
        switch outcome {
        case .success(let result):
            stack.push(true)
            guard let result, !result.isNull else { return 1 }
            ScriptManageResults.push(result, of: name, on: stack)
            return 2
        case .failure(let failure):
            stack.push(false)
            stack.push(failure.scriptWord)
            return 2
        }
    }

    /// The client a bound `manage` or `dispatch` table acts as: nil for the owner.
    func actingClientKey(_ subject: Int) throws -> Int64? {
        guard subject > 0 else { return nil }
        guard let alias = objects.resourceAlias(at: subject - 1), alias.type == .client else {
            throw ScriptRaise("this table is bound to something that is not a client")
        }
        return alias.key
    }

    /// The procedure and its arguments for a manage call. Options given as lists of names
    /// (`{"basic", "description"}`) become the objects the RPC takes; `map` with type `tag` tags.
    static func procedureCall(_ name: String, _ given: [JSON]) -> (String, [JSON]) {
        var arguments = given
        switch name {
        case "info":
            if arguments.count < 2 { arguments += Array(repeating: .null, count: 2 - arguments.count) }
            arguments[1] = flags(arguments[1])
        case "listing":
            // The earlier form left out the client.
            let optionsAt = arguments.first?.arrayValue != nil ? 1 : 2
            if arguments.count <= optionsAt { arguments += Array(repeating: .null, count: optionsAt + 1 - arguments.count) }
            arguments[optionsAt] = flags(arguments[optionsAt])
        case "map" where arguments.first == "tag" && arguments.count == 3:
            return ("tag", [arguments[1], "add", arguments[2]])
        default:
            break
        }
        return (name, arguments)
    }

    /// `{"a", "b"}` as `{"a": true, "b": true}`; nil as `{}`; anything else as it is.
    private static func flags(_ value: JSON) -> JSON {
        if value.isNull { return .object(JSONObject()) }
        guard let names = value.arrayValue, names.allSatisfy({ $0.stringValue != nil }) else { return value }
        return .object(JSONObject(names.compactMap(\.stringValue).map { ($0, JSON.bool(true)) }))
    }
}

/// Results of manage calls in the shapes the scripting contract gives them.
enum ScriptManageResults {
    static func push(_ result: JSON, of name: String, on stack: LuaStack) {
        switch name {
        case "info": pushInfo(result, on: stack)
        case "listing": pushListing(result, on: stack)
        default: LuaJSON.push(result, on: stack, null: .nil)
        }
    }

    /// `{{dataport = {<rid>, ...}}, ...}`, one entry per type asked for, in that order.
    private static func pushListing(_ result: JSON, on stack: LuaStack) {
        guard let object = result.objectValue else {
            LuaJSON.push(result, on: stack, null: .nil)
            return
        }
        stack.newTable(sequence: Int32(object.count))
        for (position, entry) in object.enumerated() {
            LuaJSON.push(.object([entry.key: entry.value]), on: stack, null: .nil)
            stack.setItem(Int32(position + 1), in: -2)
        }
    }

    /// The info table, with `aliases` as `{{<rid>, {<alias>, ...}}, ...}`, `subscribers` as
    /// `{{<type> = {<rid>, ...}}, ...}` and a script's `basic.activity` as `{{[<timestamp>] = {<status>, ...}}, ...}`.
    private static func pushInfo(_ result: JSON, on stack: LuaStack) {
        guard var info = result.objectValue else {
            LuaJSON.push(result, on: stack, null: .nil)
            return
        }
        if let aliases = info["aliases"]?.objectValue {
            info["aliases"] = .array(aliases.map { [.string($0.key), $0.value] })
        }
        if let subscribers = info["subscribers"]?.arrayValue {
            var grouped = JSONObject()
            for pair in subscribers {
                guard let type = pair[0]?.stringValue, let rid = pair[1] else { continue }
                grouped[type] = .array((grouped[type]?.arrayValue ?? []) + [rid])
            }
            info["subscribers"] = .array(grouped.map { .object([$0.key: $0.value]) })
        }
        var activity: [JSON]?
        if var basic = info["basic"]?.objectValue, let entries = basic["activity"]?.arrayValue {
            activity = entries
            basic["activity"] = JSON?.none
            info["basic"] = .object(basic)
        }
        LuaJSON.push(.object(info), on: stack, null: .nil)
        guard let activity else { return }
        stack.pushField("basic", of: -1)
        stack.newTable(sequence: Int32(activity.count))
        for (position, entry) in activity.enumerated() {
            stack.newTable()
            if let timestamp = entry[0]?.intValue {
                stack.push(timestamp)
                LuaJSON.push(entry[1] ?? .array([]), on: stack, null: .nil)
                lua_rawset(stack.state, -3)
            }
            stack.setItem(Int32(position + 1), in: -2)
        }
        stack.setField("activity", in: -2)
        stack.pop()
    }
}
