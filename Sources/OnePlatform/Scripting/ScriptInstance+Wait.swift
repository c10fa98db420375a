import CLua
import OnePJSON

/// `object.wait([expire])`: the timestamp of the first point after `.last`, suspending the
/// script (no thread, connection or transaction held) until one arrives or `expire` passes.
///
/// The check is the RPC `wait` procedure with `since` = `.last`, run as the owner; the
/// suspension is the runner's, woken by the same change feed and clock that end RPC waits.
extension ScriptInstance {
    /// What a look for the next point found.
    enum WaitCheck {
        case point(Int)
        /// None yet; `seen` is the resource's version in the change feed before the look.
        case none(seen: UInt64)
        /// The wait cannot be made (the resource is out of reach or keeps no points).
        case failed(String)
    }

    func wait(_ stack: LuaStack) throws -> Int32 {
        let index = Int(onep_lua_subject(stack.state))
        guard let alias = objects.resourceAlias(at: index) else { throw ScriptRaise("wait is called on an alias object") }
        // Called as object:wait() the object comes first.
        let expireAt: Int32 = objectIndex(at: 1, metatable: ScriptSandbox.aliasMetatable, on: stack) == index ? 2 : 1
        var deadline: Int?
        if let number = stack.number(at: expireAt) {
            deadline = try Self.timestamp(number)
        } else if !stack.isNil(at: expireAt) {
            throw ScriptRaise.badArgument(Int(expireAt), to: "wait", "expire timestamp expected, got \(stack.typeName(at: expireAt))")
        }
        switch try checkWait(alias, since: alias.last) {
        case .point(let timestamp):
            finishWait(index, at: timestamp, status: CallStatus.ok.word)
            stack.push(timestamp)
            return 1
        case .failed(let word):
            objects.update(index) { $0.status = word }
            stack.pushNil()
            return 1
        case .none(let seen):
            if let deadline, deadline <= services.clock.currentSecond {
                finishWait(index, at: deadline, status: Self.expired)
                stack.pushNil()
                return 1
            }
            pendingWait = ScriptWait(object: index, resource: alias.key, since: alias.last, deadline: deadline, seen: seen)
            return ONEP_LUA_SUSPEND
        }
    }

    /// Looks again for the point a suspended wait needs, when the resource changed or the
    /// deadline passed: the value to resume with, or nil to keep waiting (with a newer `seen`).
    func recheck(_ wait: ScriptWait, deadlinePassed: Bool) throws -> (resumption: ScriptResumption?, seen: UInt64) {
        guard let alias = objects.resourceAlias(at: wait.object) else { return (.noPoint, wait.seen) }
        switch try checkWait(alias, since: wait.since) {
        case .point(let timestamp):
            finishWait(wait.object, at: timestamp, status: CallStatus.ok.word)
            return (.timestamp(timestamp), wait.seen)
        case .failed(let word):
            objects.update(wait.object) { $0.status = word }
            return (.noPoint, wait.seen)
        case .none(let seen):
            if let deadline = wait.deadline, deadlinePassed || deadline <= services.clock.currentSecond {
                finishWait(wait.object, at: deadline, status: Self.expired)
                return (.noPoint, seen)
            }
            return (nil, seen)
        }
    }

    static let expired = "expired"

    private func finishWait(_ index: Int, at timestamp: Int, status: String) {
        objects.update(index) {
            $0.last = timestamp
            $0.status = status
        }
    }

    /// Runs the `wait` procedure for the first point after `since`, noting the change feed's
    /// version first: a point committed after the look moves the version past it.
    private func checkWait(_ alias: ScriptObjects.ResourceAlias, since: Int) throws -> WaitCheck {
        let seen = services.changes.version(of: alias.key)
        let slot = SuspensionSlot()
        let outcome = try services.transaction(for: key, writes: false) { scope in
            try scope.call(WaitProcedure.name, [.string(alias.rid), ["since": .int(since), "timeout": 0]], suspension: slot)
        }
        switch outcome {
        case .success(let result):
            if let timestamp = result?[0]?.intValue { return .point(timestamp) }
            return slot.take() != nil ? .none(seen: seen) : .failed(CallStatus.error.word)
        case .failure(let failure):
            return .failed(failure.scriptWord)
        }
    }
}
