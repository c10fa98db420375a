import Foundation
import OnePJSON

/// The physical anchor: the same work done straight on the platform's SQLite file from Python's
/// sqlite3 module, in another process, timed by Python itself (best of five runs), in elapsed
/// time and in CPU time (`name` and `name-cpu`): on a machine shared with other work, CPU time
/// is the steadier of the two.
///
/// Each measurement is a small script that prints one JSON object of seconds. Without `python3`
/// on the PATH the anchors are skipped and the figures print alone.
struct PythonAnchor {
    let database: String

    /// Seconds per unit of work, by name, or nil when Python is not there or the script failed.
    func measure(_ script: String, arguments: [String] = []) -> [String: Double]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.prelude + script, database] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = (try? JSON(parsing: Array(data)))?.objectValue else { return nil }
        var result: [String: Double] = [:]
        for (key, value) in object { result[key] = value.doubleValue }
        return result
    }

    /// `best(work, units)` runs `work` five times and answers the fastest run's seconds per unit;
    /// `cpu(work, units)` the same in CPU seconds. `report(name, work, units)` prints both.
    private static let prelude = """
        import sqlite3, sys, time, json
        db = sqlite3.connect(sys.argv[1])
        def fastest(work, units, clock):
            result = None
            for _ in range(5):
                start = clock()
                work()
                elapsed = clock() - start
                result = elapsed if result is None else min(result, elapsed)
            return result / units
        def best(work, units):
            return fastest(work, units, time.perf_counter)
        def cpu(work, units):
            return fastest(work, units, time.process_time)
        def report(name, work, units):
            print(json.dumps({name: best(work, units), name + "-cpu": cpu(work, units)}))

        """

    /// One indexed row lookup: a resource by its RID, over every resource of the file.
    static let rowLookup = """
        rids = [row[0] for row in db.execute("SELECT rid FROM resource")]
        def work():
            for rid in rids:
                db.execute("SELECT * FROM resource WHERE rid = ?", (rid,)).fetchone()
        report("lookup", work, len(rids))
        """
}
