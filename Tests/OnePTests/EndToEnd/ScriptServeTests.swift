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
        let (cik, script) = try await device(
            url, root: root, script: "local ts = alias['raw'].wait()\nalias['celsius'].value = alias['missing'].value / 10")
        #expect(try await curl(["\(url)/onep:v1/stack/alias", "-H", "X-Exosite-CIK: \(cik)", "-d", "raw=1"]).status == 204)
        // The error lands in the log: wait for it there.
        let read: JSON = [
            "auth": ["cik": .string(cik)],
            "calls": [["id": 1, "procedure": "wait", "arguments": [.string(script), ["since": 0, "timeout": 20000]]]],
        ]
        let waited = try await curl(["\(url)/onep:v1/rpc/process", "--data-binary", read.serialized()])
        let answer = try waited.json
        #expect(answer[0]?["result"]?[1] == "error: line 2: attempt to index field 'missing' (a nil value)", "\(answer)")
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
        let alias = "\(secondURL)/onep:v1/stack/alias"
        #expect(try await curl([alias, "-H", "X-Exosite-CIK: \(cik)", "-d", "raw=-40"]).status == 204)
        let converted = try await curl([
            alias + "?celsius", "-H", "X-Exosite-CIK: \(cik)", "-H", "Request-Timeout: 20000", "-H", "If-Modified-Since: 0",
        ])
        #expect(converted.body == "celsius=-4.0")
        let log = try await curlCall(secondURL, cik: cik, "read", [.string(script), ["limit": 10, "sort": "asc"]])
        let lines = try #require(log["result"]?.arrayValue).compactMap { $0[1]?.stringValue }
        #expect(lines.joined(separator: "\n").components(separatedBy: "line 2: converting").count - 1 == 2)
        #expect(try await second.stop() == 0)
    }
}
