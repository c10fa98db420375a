import CLua
import OnePJSON

/// The `alias` table and alias objects: `alias['name']`, `alias[{rid = ...}]`, `.value`,
/// `.timestamp`, `.last`, `.status`, `.meta`, `.name`, `[timestamp]`, and `.alias`, `.manage`
/// and `.dispatch` on client aliases. Every access is a procedure call as the script's owner.
extension ScriptInstance {
    /// `__index` of the globals: `now` is the platform clock's current second.
    func environmentIndex(_ stack: LuaStack) -> Int32 {
        guard stack.string(at: 2) == "now" else {
            stack.pushNil()
            return 1
        }
        stack.push(services.clock.currentSecond)
        return 1
    }

    /// `alias[key]`: an alias name (`''` is the client itself) or `{rid = <rid>}`.
    func aliasTableIndex(_ stack: LuaStack) throws -> Int32 {
        guard let index = objectIndex(at: 1, metatable: ScriptSandbox.aliasTableMetatable, on: stack),
            let table = objects.aliasTable(at: index)
        else { throw ScriptRaise("expected an alias table") }
        let identifier: JSON
        var rid: String?
        if let name = stack.string(at: 2) {
            identifier = ["alias": .string(name)]
        } else if stack.type(at: 2) == LUA_TTABLE {
            stack.pushField("rid", of: 2)
            rid = stack.string(at: -1)
            stack.pop()
            guard let rid else { throw ScriptRaise("alias[{rid = ...}] needs the resource ID as a string") }
            identifier = .string(rid)
        } else {
            throw ScriptRaise("an alias table is indexed by an alias name or {rid = <resource ID>}, not a \(stack.typeName(at: 2))")
        }
        let found = try services.transaction(for: key, writes: false) { scope -> ScriptObjects.ResourceAlias? in
            let client = try Self.client(table.client, in: scope)
            let resource: ResourceRecord
            do {
                resource = try scope.context.resource(identifier, relativeTo: client)
            } catch is CallFailure {
                return nil
            }
            if let existing = objects.resource(key: resource.key), let alias = objects.resourceAlias(at: existing) { return alias }
            let latest = try Self.latestPoint(resource.rid, in: scope)
            return ScriptObjects.ResourceAlias(key: resource.key, rid: resource.rid, type: resource.type, last: latest?.timestamp ?? 0)
        }
        guard let found else {
            if let rid {
                throw ScriptRaise("alias[{rid = '\(rid)'}]: restricted: no such resource in this client's subhierarchy")
            }
            stack.pushNil()
            return 1
        }
        pushObject(objects.resource(key: found.key) ?? objects.add(found), on: stack)
        return 1
    }

    /// The client an alias table looks names up in; it must still lie below the owner.
    static func client(_ key: Int64?, in scope: ScriptScope) throws -> ResourceRecord {
        guard let key else { return scope.owner }
        guard let client = try ResourceRecord.fetch(scope.db, id: key), try ResourceRecord.isWithin(scope.db, client, of: scope.owner)
        else { throw ScriptRaise("restricted: this client is no longer in the subhierarchy of the script's client") }
        return client
    }

    /// `object.field` and `object[timestamp]`.
    func aliasIndex(_ stack: LuaStack) throws -> Int32 {
        let (index, alias) = try resourceAlias(at: 1, on: stack)
        if let number = stack.number(at: 2) {
            let timestamp = try Self.timestamp(number)
            let options: JSONObject = ["starttime": .int(timestamp), "endtime": .int(timestamp), "limit": 1]
            pushPoint(try read(index, alias, options), part: 1, on: stack)
            return 1
        }
        guard let field = stack.string(at: 2) else {
            stack.pushNil()
            return 1
        }
        switch field {
        case "value":
            pushPoint(try read(index, alias, [:]), part: 1, on: stack)
        case "timestamp":
            pushPoint(try read(index, alias, [:]), part: 0, on: stack)
        case "last":
            stack.push(alias.last)
        case "status":
            stack.push(alias.status)
        case "meta", "name":
            let description = try describe(index, alias)
            if let text = description?[field]?.stringValue { stack.push(text) } else { stack.pushNil() }
        case "wait":
            stack.push(.wait, subject: index)
        case "alias" where alias.type == .client:
            pushObject(objects.table(for: alias.key), on: stack)
        case "manage" where alias.type == .client:
            ScriptSandbox.pushFunctionTable(ScriptFunction.manage, subject: index + 1, stack)
        case "dispatch" where alias.type == .client:
            ScriptSandbox.pushFunctionTable(ScriptFunction.dispatch, subject: index + 1, stack)
        default:
            stack.pushNil()
        }
        return 1
    }

    /// `object.value = v`, `object.last = t` and `object[timestamp] = v` (nil deletes the point).
    func aliasNewIndex(_ stack: LuaStack) throws -> Int32 {
        let (index, alias) = try resourceAlias(at: 1, on: stack)
        if let number = stack.number(at: 2) {
            let timestamp = try Self.timestamp(number)
            if stack.isNil(at: 3) {
                let bounds: JSON = ["newerthan": .int(timestamp - 1), "olderthan": .int(timestamp + 1)]
                try change(index, "flush", [.string(alias.rid), bounds])
            } else {
                let value = try platformValue(at: 3, stack)
                try change(index, "record", [.string(alias.rid), [[.int(timestamp), value]]])
            }
            return 0
        }
        switch stack.string(at: 2) {
        case "value":
            guard !stack.isNil(at: 3) else {
                objects.update(index) { $0.status = CallStatus.invalid.word }
                return 0
            }
            try change(index, "write", [.string(alias.rid), try platformValue(at: 3, stack)])
        case "last":
            guard let number = stack.number(at: 3) else { throw ScriptRaise("last must be a timestamp") }
            let timestamp = try Self.timestamp(number)
            objects.update(index) { $0.last = timestamp }
        case let field:
            throw ScriptRaise("alias field '\(field ?? stack.typeName(at: 2))' cannot be set")
        }
        return 0
    }

    /// `tostring(object)`: the resource's ID.
    func aliasText(_ stack: LuaStack) -> Int32 {
        if let index = objectIndex(at: 1, metatable: ScriptSandbox.aliasMetatable, on: stack), let alias = objects.resourceAlias(at: index) {
            stack.push("alias: \(alias.rid)")
        } else {
            stack.push("alias")
        }
        return 1
    }

    // MARK: - Procedure calls

    /// The newest point a `read` with `options` answers; nil when none (the status says why).
    private func read(_ index: Int, _ alias: ScriptObjects.ResourceAlias, _ options: JSONObject) throws -> [JSON]? {
        let outcome = try services.transaction(for: key, writes: false) { scope in
            try scope.call("read", [.string(alias.rid), .object(options)])
        }
        return record(outcome, for: index)?.arrayValue?.first?.arrayValue
    }

    private func describe(_ index: Int, _ alias: ScriptObjects.ResourceAlias) throws -> JSON? {
        let outcome = try services.transaction(for: key, writes: false) { scope in
            try scope.call("info", [.string(alias.rid), ["description": true]])
        }
        return record(outcome, for: index)?["description"]
    }

    private func change(_ index: Int, _ procedure: String, _ arguments: [JSON]) throws {
        let outcome = try services.transaction(for: key, writes: true) { scope in try scope.call(procedure, arguments) }
        _ = record(outcome, for: index)
    }

    /// Notes the outcome in the object's `.status` and answers the result of a successful call.
    private func record(_ outcome: Result<JSON?, CallFailure>, for index: Int) -> JSON? {
        switch outcome {
        case .success(let result):
            objects.update(index) { $0.status = CallStatus.ok.word }
            return result ?? .null
        case .failure(let failure):
            objects.update(index) { $0.status = failure.scriptWord }
            return nil
        }
    }

    private func pushPoint(_ point: [JSON]?, part: Int, on stack: LuaStack) {
        guard let point, point.count == 2 else {
            stack.pushNil()
            return
        }
        LuaJSON.push(point[part], on: stack, null: .nil)
    }

    /// The newest readable point of a resource, read as the owner; nil when it has none.
    static func latestPoint(_ rid: String, in scope: ScriptScope) throws -> (timestamp: Int, value: JSON)? {
        guard case .success(let result) = try scope.call("read", [.string(rid), [:]]), let point = result?.arrayValue?.first?.arrayValue,
            point.count == 2, let timestamp = point[0].intValue
        else { return nil }
        return (timestamp, point[1])
    }

    /// The largest timestamp a script may give (2^53, the largest whole number a Lua number
    /// holds exactly), so the platform's arithmetic on it cannot overflow.
    static let timestampLimit = 9_007_199_254_740_992

    /// A timestamp given by a script: a number of whole seconds.
    static func timestamp(_ number: Double) throws -> Int {
        guard number.isFinite, let seconds = Int(exactly: number.rounded(.down)), abs(seconds) <= timestampLimit else {
            throw ScriptRaise("a timestamp must be a number of seconds between -2^53 and 2^53")
        }
        return seconds
    }

    /// A value a script writes: a number, a string, or a boolean (stored as 1 or 0).
    func platformValue(at index: Int32, _ stack: LuaStack) throws -> JSON {
        if let text = stack.string(at: index) { return .string(text) }
        if let number = stack.number(at: index) { return LuaJSON.number(number) }
        if let flag = stack.boolean(at: index) { return .int(flag ? 1 : 0) }
        throw ScriptRaise("a value written to a resource is a number, a string or a boolean, not a \(stack.typeName(at: index))")
    }
}
