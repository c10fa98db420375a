import OneP
import OnePJSON
import OnePlatform

/// Batched `write` and `recordbatch` over HTTP, and the 100,000-point read, each beside the same
/// rows written to (or read from and written as JSON out of) SQLite by Python.
struct ThroughputScenario {
    let platform: Platform
    let port: Int
    let anchor: PythonAnchor
    let tree: ResourceTree

    static let writeGoal = 50_000.0
    static let pointGoal = 1_000_000.0
    /// Points per insert of a long `recordbatch` (the platform's `PointStore.BulkInserter`).
    static let rowsPerInsert = 64

    /// Each part on a connection of its own: the server closes one left idle for 30 seconds, as
    /// one is while a Python anchor runs on a busy machine.
    func run() async throws -> [String] {
        var client: KeepAliveClient { KeepAliveClient(port: port, path: "/onep:v1/rpc/process") }
        return [try await batchedWrites(client), try await recordBatches(client), try await largeRead(client)]
    }

    /// 20 requests of 1,000 `write` calls, one per dataport.
    private func batchedWrites(_ client: KeepAliveClient) async throws -> String {
        let ports = Array(tree.dataports.prefix(1_000))
        let bodies = (0..<20).map { round in
            PerCallScenario.request(cik: cik, calls: ports.map { ("write", [.string($0), .int(round)]) })
        }
        let cpuStart = PerCallScenario.cpuSeconds()
        let (elapsed, answers) = try await client.postEach(bodies)
        let cpu = PerCallScenario.cpuSeconds() - cpuStart
        for answer in answers { try PerCallScenario.check(answer, calls: ports.count) }
        let rate = Double(bodies.count * ports.count) / seconds(elapsed)
        var line =
            "http batched writes, 20 requests x 1,000 write calls: \(Int(rate)) calls/s (goal >= \(Int(Self.writeGoal))), "
            + "\(Int(Double(bodies.count * ports.count) / cpu)) calls per CPU second (client and server)"
        if let same = anchor.measure(Self.insertScript, arguments: ["1000", "20"])?["row"] {
            line += ", \(Self.percent(rate * same)) of Python inserting the same rows (\(Int(1 / same)) rows/s)"
        }
        return line
    }

    /// 10 requests of 10 `recordbatch` calls of 10,000 points each: 1,000,000 points, quickest of
    /// three runs, beside SQLite storing the same points straight into the same file.
    private func recordBatches(_ client: KeepAliveClient) async throws -> String {
        let ports = Array(tree.dataports.suffix(10))
        var best = Double.infinity
        var bestCPU = Double.infinity
        for run in 0..<3 {
            let bodies = (0..<10).map { round in
                PerCallScenario.request(
                    cik: cik,
                    calls: ports.map { port in
                        let first = 1_000_000 + run * 100_000 + round * 10_000
                        let entries = (0..<10_000).map { offset -> JSON in [.int(first + offset), .int(offset)] }
                        return ("recordbatch", [.string(port), .array(entries)])
                    })
            }
            let cpuStart = PerCallScenario.cpuSeconds()
            let (elapsed, answers) = try await client.postEach(bodies)
            bestCPU = min(bestCPU, PerCallScenario.cpuSeconds() - cpuStart)
            best = min(best, seconds(elapsed))
            for answer in answers { try PerCallScenario.check(answer, calls: ports.count) }
        }
        let rate = 1_000_000 / best
        var line =
            "http recordbatch, 10 requests x 10 calls x 10,000 points, quickest of 3: \(Int(rate)) points/s "
            + "(goal >= \(Int(Self.pointGoal))), \(Int(1_000_000 / bestCPU)) points per CPU second (client and server)"
        let sqlite = SQLiteAnchor(database: anchor.database)
        if let same = sqlite.storePoints(resources: ports, perCall: 10_000, transactions: 10, rowsPerInsert: Self.rowsPerInsert) {
            line +=
                "; \(Self.percent(same.elapsed / best)) of SQLite storing the same points into this file, "
                + "\(Self.rowsPerInsert) per insert as the platform does (\(Int(1_000_000 / same.elapsed)) points/s, "
                + "\(Int(1_000_000 / same.cpu)) per CPU second)"
        }
        if let single = sqlite.storePoints(resources: ports, perCall: 10_000, transactions: 10) {
            line += "; SQLite one point per insert: \(Int(1_000_000 / single.elapsed)) points/s, \(Int(1_000_000 / single.cpu)) per CPU second"
        }
        return line
    }

    /// One `read` of 100,000 points, answer bytes received, against Python reading the same rows
    /// and writing them as JSON.
    private func largeRead(_ client: KeepAliveClient) async throws -> String {
        let port = tree.dataports[tree.dataports.count - 1]
        let body = PerCallScenario.request(
            cik: cik, calls: [("read", [.string(port), ["sort": "asc", "limit": 100_000, "starttime": 0, "endtime": 2_000_000]])])
        var best = Duration.seconds(3600)
        for _ in 0..<5 {
            let (elapsed, answer) = try await client.repeatPost(body, count: 1)
            best = min(best, elapsed)
            guard let points = try JSON(parsing: answer)[0]?["result"]?.arrayValue, points.count == 100_000 else {
                throw OnePError.malformedAnswer("the large read answered \(answer.count) bytes")
            }
        }
        var line = "http read of 100,000 points: \(Int(seconds(best) * 1000)) ms"
        if let same = anchor.measure(Self.readScript, arguments: [port])?["read"] {
            line +=
                ", \(Self.percent(same / seconds(best))) of the speed of Python reading the rows and writing JSON "
                + "(\(Int(same * 1000)) ms; goal >= 50%)"
        }
        return line
    }

    private var cik: String { platform.bootstrap.rootCIK }

    static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    /// `rows` points per transaction, `transactions` times, into a new file with the platform's
    /// point table and settings; answers seconds per row.
    static let insertScript = """
        import os, tempfile
        rows, transactions = int(sys.argv[2]), int(sys.argv[3])
        schema = db.execute("SELECT sql FROM sqlite_master WHERE name = 'point'").fetchone()[0]
        folder = tempfile.mkdtemp()
        target = sqlite3.connect(os.path.join(folder, "anchor.sqlite"), isolation_level=None)
        target.execute("PRAGMA journal_mode = WAL")
        target.execute("PRAGMA synchronous = NORMAL")
        target.execute(schema)
        round = [0]
        def work():
            for _ in range(transactions):
                round[0] += 1
                target.execute("BEGIN IMMEDIATE")
                target.executemany(
                    "INSERT OR REPLACE INTO point (resource_id, timestamp, value) VALUES (?, ?, ?)",
                    ((index % 1000, round[0] * rows + index, index) for index in range(rows)))
                target.execute("COMMIT")
        print(json.dumps({"row": best(work, rows * transactions)}))
        """

    /// The newest 100,000 points of one resource, oldest first, as a JSON list of pairs.
    static let readScript = """
        resource = db.execute("SELECT id FROM resource WHERE rid = ?", (sys.argv[2],)).fetchone()[0]
        def work():
            rows = db.execute(
                "SELECT timestamp, value FROM point WHERE resource_id = ? AND timestamp BETWEEN 0 AND 2000000 ORDER BY timestamp ASC LIMIT 100000",
                (resource,)).fetchall()
            json.dumps([{"id": 0, "status": "ok", "result": [list(row) for row in rows]}]).encode()
        print(json.dumps({"read": best(work, 1)}))
        """
}
