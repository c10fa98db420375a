import GRDB
import OnePJSON

/// The script runner's thread: it alone holds the scripts' Lua states, starts and stops them as
/// the database says, and runs their slices.
final class ScriptHost {
    private let runner: ScriptRunner
    private var services: ScriptServices { runner.services }
    private var instances: [Int64: ScriptInstance] = [:]
    /// The wait each suspended script is in.
    private var waits: [Int64: ScriptWait] = [:]
    /// What each script that runs, completed or failed was started as, so that seeing it again
    /// (its own changes of status come back through the database) does not restart it.
    private var versions: [Int64: ScriptVersion] = [:]
    private var nextGeneration = 0

    init(runner: ScriptRunner) {
        self.runner = runner
    }

    func run() {
        while true {
            switch runner.nextWork() {
            case .stop:
                for instance in instances.values { instance.close() }
                instances.removeAll()
                return
            case .reconcile(let changes, let all):
                reconcile(changes, all: all)
            case .run(let job):
                run(job)
            case .sleep:
                continue
            }
        }
    }

    // MARK: - Following the database

    private func reconcile(_ changes: ScriptObserver.Changes, all: Bool) {
        let known = Array(versions.keys)
        let found: (scripts: [ResourceRecord], starts: [Int64: Int], gone: Set<Int64>)
        do {
            found = try services.database.read { db in
                var scripts: [ResourceRecord] = []
                var starts: [Int64: Int] = [:]
                var gone = Set<Int64>()
                if all {
                    scripts = try ResourceRecord.fetchAll(db, sql: "SELECT * FROM resource WHERE type = 'datarule' ORDER BY id")
                    starts = try ScriptStateStore.starts(db)
                }
                for key in changes.scripts {
                    guard let record = try ResourceRecord.fetch(db, id: key) else {
                        gone.insert(key)
                        continue
                    }
                    scripts.append(record)
                    starts[key] = try ScriptStateStore.load(db, script: key)?.starts
                }
                if changes.deletions {
                    for key in known where try ResourceRecord.fetch(db, id: key) == nil { gone.insert(key) }
                }
                return (scripts, starts, gone)
            }
        } catch {
            services.logger.error("scripts could not be read", metadata: ["error": "\(error)"])
            return
        }
        for key in found.gone { stop(key) }
        for record in found.scripts {
            if case .script(let source)? = RuleDefinition(description: record.description)?.kind {
                ensure(record.key, ScriptVersion(source: source, starts: found.starts[record.key] ?? 1))
            } else if versions[record.key] != nil {
                stop(record.key)
            }
        }
    }

    /// Makes sure the script runs this version: a new source or a new start runs from the top.
    private func ensure(_ key: Int64, _ version: ScriptVersion) {
        if versions[key] == version { return }
        stop(key)
        nextGeneration += 1
        versions[key] = version
        switch ScriptInstance.load(key: key, source: version.source, generation: nextGeneration, services: services) {
        case .success(let instance):
            instances[key] = instance
            record(key, version) { scope in try ScriptStateStore.set(scope.db, script: key, .running, at: scope.now) }
            runner.enqueue(ScriptRunQueue.Job(script: key, generation: instance.generation, reason: .start))
        case .failure(let failure):
            record(key, version) { scope in
                // The syntax error of a new source is already in the log (see ScriptStart).
                let state = try ScriptStateStore.load(scope.db, script: key)
                guard state?.status != .error || state?.error != failure.text else { return }
                try ScriptStateStore.set(scope.db, script: key, .error, error: failure.text, at: scope.now)
                try scope.log(ScriptMessage.errorLine(failure))
            }
        }
    }

    private func stop(_ key: Int64) {
        versions.removeValue(forKey: key)
        waits.removeValue(forKey: key)
        runner.forget(key)
        instances.removeValue(forKey: key)?.close()
    }

    // MARK: - Slices

    private func run(_ job: ScriptRunQueue.Job) {
        guard let instance = instances[job.script], instance.generation == job.generation else { return }
        var resumption = ScriptResumption.start
        if job.reason == .changed || job.reason == .expired {
            guard let wait = waits[job.script] else { return }
            do {
                let (found, seen) = try instance.recheck(wait, deadlinePassed: job.reason == .expired)
                guard let found else {
                    let renewed = ScriptWait(
                        object: wait.object, resource: wait.resource, since: wait.since, deadline: wait.deadline, seen: seen)
                    waits[job.script] = renewed
                    runner.suspend(job.script, generation: job.generation, in: renewed)
                    return
                }
                resumption = found
            } catch is ScriptGone {
                stop(job.script)
                return
            } catch {
                services.logger.error("script wait failed", metadata: ["script": "\(job.script)", "error": "\(error)"])
                end(instance, with: .failed(.error("internal error")))
                return
            }
        }
        waits.removeValue(forKey: job.script)
        end(instance, with: instance.resume(with: resumption))
    }

    private func end(_ instance: ScriptInstance, with outcome: ScriptSliceOutcome) {
        let key = instance.key
        switch outcome {
        case .preempted:
            instance.preemptions += 1
            runner.enqueue(ScriptRunQueue.Job(script: key, generation: instance.generation, reason: .preempted, streak: instance.preemptions))
        case .waiting(let wait):
            instance.preemptions = 0
            waits[key] = wait
            runner.suspend(key, generation: instance.generation, in: wait)
        case .completed:
            finish(instance)
            record(key, versions[key]) { scope in try ScriptStateStore.set(scope.db, script: key, .completed, at: scope.now) }
        case .failed(let failure):
            finish(instance)
            record(key, versions[key]) { scope in
                try ScriptStateStore.set(scope.db, script: key, .error, error: failure.text, at: scope.now)
                try scope.log(ScriptMessage.errorLine(failure))
            }
        case .gone:
            stop(key)
        }
    }

    /// Closes a script that completed or failed; its version stays known, so it is not restarted
    /// until it is given its rule again.
    private func finish(_ instance: ScriptInstance) {
        instances.removeValue(forKey: instance.key)
        instance.close()
    }

    /// Writes what became of a script; nothing when its datarule is gone or no longer has this
    /// version (the database moved on while the script ran: the new start has its own status).
    private func record(_ key: Int64, _ version: ScriptVersion?, _ body: (ScriptScope) throws -> Void) {
        guard let version else { return }
        do {
            try services.transaction(for: key, writes: true) { scope in
                guard case .script(version.source)? = RuleDefinition(description: scope.script.description)?.kind,
                    (try ScriptStateStore.load(scope.db, script: key)?.starts ?? 1) == version.starts
                else { return }
                try body(scope)
            }
        } catch is ScriptGone {
            return
        } catch {
            services.logger.error("script status could not be stored", metadata: ["script": "\(key)", "error": "\(error)"])
        }
    }
}

/// What a script was started as: its source, and which start of its datarule (see
/// ``ScriptState/starts``). A script runs again from the top when either moves.
struct ScriptVersion: Equatable {
    let source: String
    let starts: Int
}
