/// How each rule kind turns inputs and elapsed timers into outputs, as pure state changes.
extension RuleDefinition {
    /// The state of a rule that has just been created (or given a new rule): only a timeout
    /// rule's timer starts running at once.
    func startingState(now: Int) -> RuleState {
        if case .timeout(let seconds) = kind, seconds > 0 { return RuleState(due: now + seconds) }
        return RuleState()
    }

    /// The output for an input arriving at `now`, or nil when the input produces none.
    ///
    /// - Parameter number: the input as a number, nil for text that is not one; rules that
    ///   compare ignore such inputs.
    func receive(_ number: Double?, state: inout RuleState, now: Int) -> Bool? {
        switch kind {
        case .script:
            return nil
        case .timeout(let seconds):
            state.due = seconds > 0 ? now + seconds : nil
            return false
        case .simple(let test):
            guard let number else { return nil }
            return test.holds(number)
        case .interval(let test, let seconds):
            guard let number else { return nil }
            let holds = test.holds(number)
            if !holds {
                state.due = nil
            } else if state.due == nil {
                state.due = now + seconds
            }
            return holds
        case .duration(let test, let seconds):
            guard let number else { return nil }
            guard test.holds(number) else {
                state = RuleState()
                return false
            }
            if state.active { return true }
            if state.due == nil { state.due = now + seconds }
            return nil
        case .count(let test, let count, let seconds):
            guard let number, test.holds(number) else { return nil }
            if state.due == nil {
                state.due = now + seconds
                state.counter = 1
            } else {
                state.counter += 1
            }
            guard state.counter >= count else { return nil }
            state.due = now + seconds
            state.counter = 0
            return true
        }
    }

    /// The output when the timer elapses at `state.due`, with the timer moved on or stopped.
    func elapse(state: inout RuleState) -> Bool? {
        guard let due = state.due else { return nil }
        switch kind {
        case .timeout(let seconds), .interval(_, let seconds):
            state.due = due + seconds
            return true
        case .duration:
            state.due = nil
            state.active = true
            return true
        case .count:
            state = RuleState()
            return false
        case .simple, .script:
            state.due = nil
            return nil
        }
    }
}
