import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import OneP
import OnePJSON
import OnePlatform

/// What one call costs inside one request of thousands: `info` and `listing` over the 5,000
/// resources of a ``ResourceTree``, in process and over HTTP, each beside one indexed row lookup
/// and beside the same queries made straight on the file from Python.
struct PerCallScenario {
    let platform: Platform
    let port: Int
    let anchor: PythonAnchor
    let tree: ResourceTree

    /// The goal of issue 17: a call costs at most this many indexed row lookups.
    static let goal = 5.0

    /// An anchor's seconds per unit, in elapsed and in CPU time.
    struct Anchor {
        let elapsed: Double
        let cpu: Double

        init?(_ measured: [String: Double]?, _ name: String) {
            guard let elapsed = measured?[name], let cpu = measured?[name + "-cpu"] else { return nil }
            self.elapsed = elapsed
            self.cpu = cpu
        }
    }

    func run() async throws -> [String] {
        let lookup = Anchor(anchor.measure(PythonAnchor.rowLookup), "lookup")
        var lines = [
            "anchor: one indexed row lookup from Python's sqlite3: "
                + (lookup.map { "\(Self.micro($0.elapsed)) (\(Self.micro($0.cpu)) CPU)" } ?? "skipped (no python3)")
        ]
        let infoAnchor = Anchor(anchor.measure(Self.infoScript, arguments: tree.all), "info")
        let listingAnchor = Anchor(anchor.measure(Self.listingScript, arguments: listed), "listing")
        let variants: [(String, JSON, Anchor?)] = [
            ("info basic+description+aliases", ["basic": true, "description": true, "aliases": true], infoAnchor),
            ("info basic", ["basic": true], nil),
            ("info description", ["description": true], nil),
            ("info aliases", ["aliases": true], nil),
        ]
        for (name, options, same) in variants {
            let calls = tree.all.map { rid in ("info", [JSON.string(rid), options]) }
            lines += try await measure(name, calls: calls, lookup: lookup, same: same)
        }
        let listings = listed.map { rid in ("listing", [JSON.string(rid), ["client", "dataport", "datarule", "dispatch"], ["owned": true]]) }
        lines += try await measure("listing owned, all types", calls: listings, lookup: lookup, same: listingAnchor)
        return lines
    }

    /// The clients to list, repeated to 2,000 listings.
    private var listed: [String] {
        let clients = [tree.container] + tree.clients
        return (0..<2_000).map { clients[$0 % clients.count] }
    }

    private func measure(_ name: String, calls: [(String, [JSON])], lookup: Anchor?, same: Anchor?) async throws -> [String] {
        let body = Self.request(cik: platform.bootstrap.rootCIK, calls: calls)
        var inProcess = Double.infinity
        var inProcessCPU = Double.infinity
        for _ in 0..<5 {
            let clock = ContinuousClock()
            let start = clock.now
            let cpuStart = Self.cpuSeconds()
            let answer = await platform.processRPC(body)
            inProcessCPU = min(inProcessCPU, Self.cpuSeconds() - cpuStart)
            inProcess = min(inProcess, seconds(clock.now - start))
            try Self.check(answer, calls: calls.count)
        }
        let client = KeepAliveClient(port: port, path: "/onep:v1/rpc/process")
        var overHTTP = Double.infinity
        for _ in 0..<5 {
            let (elapsed, answer) = try await client.repeatPost(body, count: 1)
            overHTTP = min(overHTTP, seconds(elapsed))
            try Self.check(answer, calls: calls.count)
        }
        let count = Double(calls.count)
        let figures: [(String, Double, KeyPath<Anchor, Double>)] = [
            ("in-process", inProcess / count, \.elapsed), ("in-process CPU", inProcessCPU / count, \.cpu), ("http", overHTTP / count, \.elapsed),
        ]
        return figures.map { route, perCall, clock in
            var line = "\(route) \(name): \(calls.count) calls in one request, \(Self.micro(perCall))/call"
            if let lookup { line += String(format: ", %.1fx a row lookup (goal <= %.0fx)", perCall / lookup[keyPath: clock], Self.goal) }
            if let same {
                line +=
                    String(format: ", %.1fx", perCall / same[keyPath: clock])
                    + " the same queries from Python (\(Self.micro(same[keyPath: clock]))/call)"
            }
            return line
        }
    }

    /// The CPU time this process has used, all its threads together.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func request(cik: String, calls: [(String, [JSON])]) -> [UInt8] {
        let list = calls.enumerated().map { index, call -> JSON in
            ["id": .int(index), "procedure": .string(call.0), "arguments": .array(call.1)]
        }
        return JSON.object(["auth": ["cik": .string(cik)], "calls": .array(list)]).utf8Bytes()
    }

    /// Fails unless every call answered ok.
    static func check(_ answer: [UInt8], calls: Int) throws {
        guard let list = try JSON(parsing: answer).arrayValue, list.count == calls, list.allSatisfy({ $0["status"] == "ok" }) else {
            throw OnePError.malformedAnswer("a call failed: \(String(decoding: answer.prefix(300), as: UTF8.self))")
        }
    }

    static func micro(_ seconds: Double) -> String {
        String(format: "%.1f µs", seconds * 1e6)
    }

    /// `info` with basic, description and aliases, done as plain queries and written as JSON.
    static let infoScript = """
        rids = sys.argv[2:]
        def work():
            out = []
            for rid in rids:
                row = db.execute("SELECT id, type, description, status, created, modified FROM resource WHERE rid = ?", (rid,)).fetchone()
                subscribers = db.execute("SELECT count(*) FROM resource WHERE subscribe_id = ?", (row[0],)).fetchone()[0]
                basic = {"created": row[4], "modified": row[5], "subscribers": subscribers, "type": row[1]}
                result = {"basic": basic, "description": json.loads(row[2])}
                if row[1] == "client":
                    basic["status"] = row[3]
                    aliases = {}
                    for target, alias in db.execute(
                        "SELECT r.rid, a.alias FROM alias a JOIN resource r ON r.id = a.target_id WHERE a.client_id = ? ORDER BY a.id", (row[0],)):
                        aliases.setdefault(target, []).append(alias)
                    result["aliases"] = aliases
                out.append({"id": len(out), "status": "ok", "result": result})
            json.dumps(out)
        report("info", work, len(rids))
        """

    /// `listing` of a client's own resources by type, done as plain queries and written as JSON.
    static let listingScript = """
        rids = sys.argv[2:]
        def work():
            out = []
            for rid in rids:
                client = db.execute("SELECT id FROM resource WHERE rid = ?", (rid,)).fetchone()[0]
                lists = {"client": [], "dataport": [], "datarule": [], "dispatch": []}
                for child, kind in db.execute("SELECT rid, type FROM resource WHERE parent_id = ? ORDER BY id", (client,)):
                    lists[kind].append(child)
                out.append({"id": len(out), "status": "ok", "result": lists})
            json.dumps(out)
        report("listing", work, len(rids))
        """
}

func seconds(_ duration: Duration) -> Double {
    let (whole, fraction) = duration.components
    return Double(whole) + Double(fraction) / 1e18
}
