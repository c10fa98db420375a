/// The runner's shared bookkeeping: which scripts are ready to run and why, which wait on what,
/// what the database changed, and who awaits a quiet moment. It lives in the runner's `Mutex`.
struct ScriptRunQueue {
    enum Reason: Equatable {
        /// First slice of a (re)started script.
        case start
        /// It used up its slice and goes on.
        case preempted
        /// The resource it waits on changed.
        case changed
        /// Its wait's deadline passed.
        case expired
    }

    struct Job: Equatable {
        let script: Int64
        let generation: Int
        let reason: Reason
        /// How many slices in a row the script has used up without waiting.
        var streak = 0

        /// Whether the script is still to run as far as it can: a script preempted this many
        /// times in a row is taken to run without end, and does not hold up ``isQuiet``.
        var isPending: Bool {
            reason != .preempted || streak < ScriptLimits.slicesBeforeRunaway
        }
    }

    /// What the runner's thread does next.
    enum Work {
        case stop
        case reconcile(ScriptObserver.Changes, all: Bool)
        case run(Job)
        case sleep
    }

    enum Phase {
        /// No thread yet: no script has appeared.
        case idle
        case running
        case stopped
    }

    private struct Waiting {
        let generation: Int
        let resource: Int64
        let deadline: Int?
    }

    var phase = Phase.idle
    private var jobs: [Job] = []
    private var head = 0
    /// Queued jobs that are pending (see ``Job/isPending``): while there are any, it is not quiet.
    private var wokenJobs = 0
    private var reconcileAll = false
    private var changes = ScriptObserver.Changes()
    /// Whether the thread is running a pending job or following the database.
    private var busy = false
    private var waiting: [Int64: Waiting] = [:]
    private var waitersByResource: [Int64: Set<Int64>] = [:]
    /// Who awaits a quiet moment, by the number ``newSettlerID()`` gave them.
    private var settlers: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private var nextSettlerID: UInt64 = 0

    /// Nothing is left to do but slices of scripts that run without end.
    var isQuiet: Bool {
        !reconcileAll && changes.isEmpty && wokenJobs == 0 && !busy
    }

    mutating func requestReconcile(_ changes: ScriptObserver.Changes, all: Bool = false) {
        reconcileAll = reconcileAll || all
        self.changes.scripts.formUnion(changes.scripts)
        self.changes.deletions = self.changes.deletions || changes.deletions
    }

    mutating func enqueue(_ job: Job) {
        jobs.append(job)
        if job.isPending { wokenJobs += 1 }
    }

    /// The next thing to do, and the settlers to resume now that it is quiet.
    mutating func takeWork() -> (Work, [CheckedContinuation<Void, Never>]) {
        busy = false
        if phase == .stopped { return (.stop, takeSettlers()) }
        if reconcileAll || !changes.isEmpty {
            let work = Work.reconcile(changes, all: reconcileAll)
            reconcileAll = false
            changes = ScriptObserver.Changes()
            busy = true
            return (work, [])
        }
        guard head < jobs.count else {
            jobs.removeAll(keepingCapacity: true)
            head = 0
            return (.sleep, takeSettlers())
        }
        let job = jobs[head]
        head += 1
        if head > 1024, head * 2 > jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        if job.isPending {
            wokenJobs -= 1
            busy = true
        }
        return (.run(job), isQuiet ? takeSettlers() : [])
    }

    mutating func newSettlerID() -> UInt64 {
        nextSettlerID += 1
        return nextSettlerID
    }

    /// Adds a settler to resume once quiet; false when it is quiet already.
    mutating func addSettler(_ id: UInt64, _ settler: CheckedContinuation<Void, Never>) -> Bool {
        guard phase == .running, !isQuiet else { return false }
        settlers[id] = settler
        return true
    }

    /// Takes out one settler (its task was cancelled), for resuming outside the lock.
    mutating func removeSettler(_ id: UInt64) -> CheckedContinuation<Void, Never>? {
        settlers.removeValue(forKey: id)
    }

    mutating func takeSettlers() -> [CheckedContinuation<Void, Never>] {
        defer { settlers.removeAll() }
        return Array(settlers.values)
    }

    // MARK: - Waits

    mutating func wait(_ script: Int64, generation: Int, on resource: Int64, until deadline: Int?) {
        forgetWait(of: script)
        waiting[script] = Waiting(generation: generation, resource: resource, deadline: deadline)
        waitersByResource[resource, default: []].insert(script)
    }

    /// Wakes the scripts waiting on any of `resources`; true when there is something to run.
    mutating func wake(resources: Set<Int64>) -> Bool {
        var woke = false
        for resource in resources {
            guard let scripts = waitersByResource.removeValue(forKey: resource) else { continue }
            for script in scripts {
                guard let wait = waiting.removeValue(forKey: script) else { continue }
                enqueue(Job(script: script, generation: wait.generation, reason: .changed))
                woke = true
            }
        }
        return woke
    }

    /// Wakes the scripts whose deadline is at or before `now`; true when there is something to run.
    mutating func expire(by now: Int) -> Bool {
        let due = waiting.filter { $0.value.deadline.map { $0 <= now } ?? false }
        for (script, wait) in due {
            forgetWait(of: script)
            enqueue(Job(script: script, generation: wait.generation, reason: .expired))
        }
        return !due.isEmpty
    }

    mutating func forgetWait(of script: Int64) {
        guard let wait = waiting.removeValue(forKey: script) else { return }
        waitersByResource[wait.resource]?.remove(script)
        if waitersByResource[wait.resource]?.isEmpty == true { waitersByResource.removeValue(forKey: wait.resource) }
    }

    var earliestDeadline: Int? {
        waiting.values.compactMap(\.deadline).min()
    }

    /// The resources scripts wait on.
    var waitedResources: Set<Int64> { Set(waitersByResource.keys) }

    /// How many scripts are suspended in a wait.
    var waitingCount: Int { waiting.count }
}
