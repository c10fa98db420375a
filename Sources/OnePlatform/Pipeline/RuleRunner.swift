import GRDB

/// Runs one datarule: feeds it inputs, fires its timer and stores its outputs.
struct RuleRunner {
    /// Catching up further than this many periods of a repeating timer fires only the last one.
    static let catchUpPeriods = 100

    let writer: PointWriter
    let rule: RuleDefinition

    private var db: Database { writer.context.db }
    private var now: Int { writer.context.now }
    private var key: Int64 { writer.target.key }

    /// An input arriving at `timestamp`: fires what the timer owed first, so the outcome does not
    /// depend on how promptly the scheduler ran.
    func receive(_ input: PointValue, at timestamp: Int, propagation: Propagation) throws {
        var state = try RuleStateStore.load(db, rule: key)
        try catchUp(&state)
        if let output = rule.receive(input.number, state: &state, now: now) {
            try emit(output, at: timestamp, from: &state, propagation: propagation)
        }
        try catchUp(&state)
        try RuleStateStore.save(db, rule: key, state)
    }

    /// Fires the timer for every time it elapsed up to now.
    func fireDue() throws {
        var state = try RuleStateStore.load(db, rule: key)
        try catchUp(&state)
        try RuleStateStore.save(db, rule: key, state)
    }

    /// Starts the rule afresh, as on creation or when its rule changes.
    static func start(_ rule: ResourceRecord, in db: Database, now: Int) throws {
        let state = RuleDefinition(description: rule.description)?.startingState(now: now) ?? RuleState()
        try RuleStateStore.save(db, rule: rule.key, state)
    }

    /// Where a timer that missed more than ``catchUpPeriods`` elapses resumes: its last elapse, so
    /// the missed ones are not replayed one by one; nil when the miss is short enough to replay.
    static func resumeDue(_ due: Int, period: Int, now: Int) -> Int? {
        guard (now - due) / period > catchUpPeriods else { return nil }
        return due + (now - due) / period * period
    }

    private func catchUp(_ state: inout RuleState) throws {
        if let due = state.due, let period = rule.period, let resumed = Self.resumeDue(due, period: period, now: now) {
            state.due = resumed
        }
        while let due = state.due, due <= now {
            guard let output = rule.elapse(state: &state) else { continue }
            // What the output sets off downstream happens at the time the timer elapsed.
            var then = writer.context
            then.now = due
            let runner = RuleRunner(writer: try PointWriter(context: then, target: writer.target), rule: rule)
            try runner.emit(output, at: due, from: &state, propagation: Propagation(origin: key))
        }
    }

    /// Stores an output as 1 or 0 in the rule's format, unless it repeats the latest one and the
    /// rule stores only changes.
    ///
    /// The state is saved before the output is published and read back after, because a cycle of
    /// subscriptions may bring a publication back to this rule in a later wave.
    private func emit(_ output: Bool, at timestamp: Int, from state: inout RuleState, propagation: Propagation) throws {
        guard let value = PointValue.fromNumber(output ? 1 : 0, format: writer.format) else { return }
        if !rule.repeats, let latest = try PointStore.latest(db, resource: key), latest.value.number == value.number { return }
        try RuleStateStore.save(db, rule: key, state)
        try writer.record(value, at: timestamp, propagation: propagation)
        state = try RuleStateStore.load(db, rule: key)
    }
}

extension RuleDefinition {
    /// The period of a timer that restarts itself when it elapses.
    var period: Int? {
        switch kind {
        case .timeout(let seconds) where seconds > 0: return seconds
        case .interval(_, let seconds): return seconds
        default: return nil
        }
    }
}
