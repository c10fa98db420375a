import Foundation
import OneP
import OnePJSON
import TestSupport
import Testing

/// Scripts on `onep serve`, as a device and its owner see them with the real `curl`: the device
/// writes through the HTTP Data Interface, its script answers, and the owner reads status and log.
@Suite(.serialized) struct ScriptServeTests {
    static let curlAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")

    /// The server's URL and root CIK, from its start lines.
    private func start(_ directory: URL) async throws -> (ServeProcess, url: String, root: String) {
        let serve = try ServeProcess(["--port", "0", "--data", directory.path])
        let lines = try await serve.lines(4)
        try #require(lines.count == 4, "start lines: \(lines)")
        return (serve, String(lines[3].dropFirst("listening on ".count)), String(lines[0].dropFirst("root cik: ".count)))
    }

    /// A device with dataports `raw` and `celsius` and a script that converts one into the other.
    private func device(_ url: String, root: String, script source: String) async throws -> (cik: String, script: String) {
        let created = try await curlCall(url, cik: root, "create", ["client", ["name": "probe", "limits": ["dataport": 10, "datarule": 10]]])
        let rid = try #require(created["result"]?.stringValue, "\(created)")
        let cik = try #require(try await curlCall(url, cik: root, "info", [.string(rid), ["key": true]])["result"]?["key"]?.stringValue)
        for (alias, format) in [("raw", "integer"), ("celsius", "float")] {
            let dataport = try #require(try await curlCall(url, cik: cik, "create", ["dataport", ["format": .string(format)]])["result"])
            _ = try await curlCall(url, cik: cik, "map", ["alias", dataport, .string(alias)])
        }
        let description: JSON = ["format": "string", "name": "convert", "rule": ["script": .string(source)]]
        let script = try #require(try await curlCall(url, cik: cik, "create", ["datarule", description])["result"]?.stringValue)
        return (cik, script)
    }

    /// Every line of the script's log so far, oldest first (lines of one second share a point).
    private func log(_ url: String, cik: String, script: String) async throws -> [String] {
        let read = try await curlCall(url, cik: cik, "read", [.string(script), ["limit": 100, "sort": "asc"]])
        return (read["result"]?.arrayValue ?? []).compactMap { $0[1]?.stringValue }.flatMap { $0.split(separator: "\n").map(String.init) }
    }

    /// Waits until the script's log holds `line` `count` times. A script initialises a dataport's
    /// `.last` when it first reaches it, so a device must not write before the script says it has,
    /// or the script waits for the point after that one (scripting.md's `.last` and `.wait`).
    private func awaitLog(_ url: String, cik: String, script: String, _ line: String, count: Int = 1) async throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let lines = try await log(url, cik: cik, script: script)
            if lines.filter({ $0 == line }).count >= count || ContinuousClock.now > deadline { return lines }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static let converter = """
        local raw, celsius = alias['raw'], alias['celsius']
        debug('converting')
        while true do
          local ts = raw.wait()
          celsius[ts] = raw[ts] / 10
        end
        """

    @Test(.enabled(if: curlAvailable)) func aDevicesWriteReachesItsScriptAndTheOutputIsReadable() async throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.url
        let (serve, url, root) = try await start(directory)
        defer { serve.process.terminate() }
        let (cik, script) = try await device(url, root: root, script: Self.converter)
        #expect(try await awaitLog(url, cik: cik, script: script, "line 2: converting") == ["line 2: converting"])
        let alias = "\(url)/onep:v1/stack/alias"
        #expect(try await curl([alias, "-H", "X-Exosite-CIK: \(cik)", "-d", "raw=215"]).status == 204)
        // A long poll from the beginning of time answers the script's first output, whenever it comes.
        let converted = try await curl([
            alias + "?celsius", "-H", "X-Exosite-CIK: \(cik)", "-H", "Request-Timeout: 20000", "-H", "If-Modified-Since: 0",
        ])
        #expect(converted.status == 200)
        #expect(converted.body == "celsius=21.5")
        let info = try await curlCall(url, cik: cik, "info", [.string(script), ["basic": true]])
        #expect(info["result"]?["basic"]?["status"] == "running")
        // The script's log is its datarule's points, read like any other resource.
        #expect(try await curl([alias + "?convert", "-H", "X-Exosite-CIK: \(cik)"]).body.isEmpty)
        let log = try await curlCall(url, cik: cik, "read", [.string(script), ["limit": 10]])
        #expect(log["result"]?[0]?[1] == "line 2: converting")
        #expect(try await serve.stop() == 0)
    }

    @Test(.enabled(if: curlAvailable)) func aBrokenScriptSaysWhyThroughInfoAndItsLog() async throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.url
        let (serve, url, root) = try await start(directory)
        defer { serve.process.terminate() }
        let source = "local raw = alias['raw']\ndebug('ready')\nraw.wait()\nalias['celsius'].value = alias['missing'].value / 10"
        let (cik, script) = try await device(url, root: root, script: source)
        _ = try await awaitLog(url, cik: cik, script: script, "line 2: ready")
        #expect(try await curl(["\(url)/onep:v1/stack/alias", "-H", "X-Exosite-CIK: \(cik)", "-d", "raw=1"]).status == 204)
        // The error lands in the log, after the line the script said before waiting.
        let error = "error: line 4: attempt to index field 'missing' (a nil value)"
        #expect(try await awaitLog(url, cik: cik, script: script, error) == ["line 2: ready", error])
        let info = try await curlCall(url, cik: cik, "info", [.string(script), ["basic": true]])
        #expect(info["result"]?["basic"]?["status"] == "error")
        #expect(try await serve.stop() == 0)
    }

    @Test(.enabled(if: curlAvailable)) func aRestartedServerStartsItsScriptsAgainFromTheTop() async throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.url
        let (first, url, root) = try await start(directory)
        let (cik, script) = try await device(url, root: root, script: Self.converter)
        _ = try await curlCall(url, cik: cik, "wait", [.string(script), ["since": 0, "timeout": 20000]])
        first.process.interrupt()
        #expect(try await first.exitStatus() == 0)
        let (second, secondURL, _) = try await start(directory)
        defer { second.process.terminate() }
        // The script starts again from the top: it says so a second time before it waits.
        _ = try await awaitLog(secondURL, cik: cik, script: script, "line 2: converting", count: 2)
        let alias = "\(secondURL)/onep:v1/stack/alias"
        #expect(try await curl([alias, "-H", "X-Exosite-CIK: \(cik)", "-d", "raw=-40"]).status == 204)
        let converted = try await curl([
            alias + "?celsius", "-H", "X-Exosite-CIK: \(cik)", "-H", "Request-Timeout: 20000", "-H", "If-Modified-Since: 0",
        ])
        #expect(converted.body == "celsius=-4.0")
        #expect(try await log(secondURL, cik: cik, script: script) == ["line 2: converting", "line 2: converting"])
        #expect(try await second.stop() == 0)
    }
}
