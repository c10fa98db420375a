import Foundation
import OneP
import OnePEmbedded
import OnePlatform
import OnePlatformServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs every scenario over HTTP (a server on a free port) and in process, against a platform in a
/// temporary directory, and prints one line per scenario. Naming groups on the command line
/// (writes, reads, tree, subtree, wait, content, startup, record, shellread, shellscript, lines,
/// scripts, dataterm, percall, crossprocess, badrequests) runs only those (`percall-calls`,
/// `percall-keepalive` and `percall-throughput` run one part of percall); `badrequests` (a million
/// bad requests against a release `onep serve`) runs only when named. A `profile-...` group alone
/// repeats one kind of request for a profiler (see ProfileScenario).
@main
struct Benchmarks {
    static let groups: Set = [
        "writes", "reads", "tree", "subtree", "wait", "content", "startup", "record", "shellread", "shellscript", "lines",
        "scripts", "dataterm", "percall", "percall-calls", "percall-keepalive", "percall-throughput", "crossprocess",
        "badrequests",
    ]

    static func main() async throws {
        let chosen = Set(CommandLine.arguments.dropFirst())
        if chosen.count == 1, let group = chosen.first, ProfileScenario.groups.contains(group) {
            try await profile(group)
            return
        }
        if chosen == ["trivial-server"] {
            // The keep-alive scenario's trivial endpoint alone, for a profiler to watch beside `onep serve`.
            let (port, _) = try await KeepAliveScenario.startTrivialServer()
            print("trivial Hummingbird endpoint at http://127.0.0.1:\(port)/trivial")
            try await Task.sleep(for: .seconds(86_400))
            return
        }
        guard chosen.isSubset(of: groups) else {
            print(
                "unknown group: \(chosen.subtracting(groups).sorted().joined(separator: ", ")); the groups are \(groups.sorted().joined(separator: ", "))"
            )
            exit(2)
        }
        let runs: (String) -> Bool = { (chosen.isEmpty && $0 != "badrequests") || chosen.contains($0) }
        var template = Array("/tmp/onep-benchmarks-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary directory") }
        let directory = String(cString: made)
        let platform = try Platform.open(directory: directory)
        let server = try await RunningPlatformServer.start(platform: platform)
        let http = HTTPTransport(url: server.url)
        let auth = Auth.cik(platform.bootstrap.rootCIK)
        print("platform in \(directory), server at \(server.url)")

        if runs("lines") { for line in try LineScenario().run() { print(line) } }
        let routes: [(String, any Transport)] = [("http", http), ("in-process", InProcessTransport(platform: platform))]
        for (label, base) in routes {
            let transport = CountingTransport(base)
            let scenarios = Scenarios(client: RPCClient(transport: transport, auth: auth), transport: transport, label: label)
            if runs("writes") {
                for run in [scenarios.singleWrites, scenarios.batchedWrites] { print(try await run().line) }
            }
            if runs("reads") { print(try await scenarios.largeRead().line) }
            if runs("tree") { print(try await TreeScenario(transport: transport, auth: auth, label: label).run().line) }
            if runs("subtree") {
                for line in try await SubtreeScenario(transport: transport, auth: auth, label: label, directory: directory).run() { print(line) }
            }
            if runs("record") {
                print(try await RecordFileScenario(transport: transport, auth: auth, label: label, directory: directory).run())
            }
            if runs("shellscript"), label == "in-process" {
                print(try await ShellScriptScenario(transport: transport, auth: auth, label: label).run())
            }
            if runs("dataterm"), label == "in-process" {
                for line in try await DataTermScenario(transport: transport, auth: auth).run() { print(line) }
            }
            if runs("shellread") {
                for measurement in try await ShellReadScenario(transport: transport, auth: auth, label: label).run() { print(measurement.line) }
            }
        }
        if runs("record"), let binary = StartupScenario.findBinary(), let cik = auth.cik {
            print(try await RecordBinaryScenario(binary: binary, url: server.url, cik: cik, directory: directory).run())
        }
        if runs("wait") { print(try await WaitScenario(platform: platform, url: server.url, auth: auth).run().line) }
        if runs("scripts") {
            for line in try await ScriptScenario(platform: platform, url: server.url, auth: auth).run() { print(line) }
        }
        if runs("crossprocess") {
            if let binary = StartupScenario.findBinary() {
                let scenario = CrossProcessScenario(platform: platform, binary: binary, directory: directory)
                for line in try await scenario.run() { print(line) }
            } else {
                print("crossprocess: skipped, no onep next to this executable (swift build -c release --product onep)")
            }
        }
        if runs("startup") {
            if let binary = StartupScenario.findBinary() {
                for line in try StartupScenario(binary: binary, directory: directory).run() { print(line) }
            } else {
                print("startup: skipped, no onep next to this executable (swift build -c release --product onep)")
            }
        }
        let parts = ["calls", "keepalive", "throughput"].filter { runs("percall") || chosen.contains("percall-" + $0) }
        if !parts.isEmpty { try await perCall(parts, platform: platform, server: server, http: http, directory: directory) }
        if runs("content") { try await content(platform: platform, server: server, http: http, auth: auth, directory: directory) }
        if runs("badrequests") {
            if let binary = StartupScenario.findBinary() {
                for line in try await BadRequestScenario.fromEnvironment(binary: binary, directory: directory).run() { print(line) }
            } else {
                print("badrequests: skipped, no onep next to this executable (swift build -c release --product onep)")
            }
        }
        try await http.shutdown()
        try await server.stop()
        try FileManager.default.removeItem(atPath: directory)
    }

    /// Issue 17's figures: what a call costs, batched write rates, single-call requests and the
    /// large read, each beside its anchor.
    private static func perCall(
        _ parts: [String], platform: Platform, server: RunningPlatformServer, http: HTTPTransport, directory: String
    ) async throws {
        let tree = try await ResourceTree.build(named: "percall", client: RPCClient(transport: http, auth: .cik(platform.bootstrap.rootCIK)))
        try await tree.mapAliases(rootCIK: platform.bootstrap.rootCIK, transport: http)
        let anchor = PythonAnchor(database: directory + "/onep.sqlite")
        if parts.contains("calls") {
            for line in try await PerCallScenario(platform: platform, port: server.port, anchor: anchor, tree: tree).run() { print(line) }
        }
        if parts.contains("keepalive") {
            for line in try await KeepAliveScenario(platform: platform, port: server.port, tree: tree).run() { print(line) }
        }
        if parts.contains("throughput") {
            for line in try await ThroughputScenario(platform: platform, port: server.port, anchor: anchor, tree: tree).run() { print(line) }
        }
    }

    /// A profiling run: one kind of request repeated in process, nothing else.
    private static func profile(_ group: String) async throws {
        var template = Array("/tmp/onep-profile-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary directory") }
        let directory = String(cString: made)
        print(try await ProfileScenario(platform: try Platform.open(directory: directory), group: group).run())
        try FileManager.default.removeItem(atPath: directory)
    }

    private static func content(
        platform: Platform, server: RunningPlatformServer, http: HTTPTransport, auth: Auth, directory: String
    ) async throws {
        let templateRID = try await RPCClient(transport: http, auth: auth).call(.create(.me, type: .client, description: ["name": "template"]))
        let provisioning: [(String, ProvisionClient)] = [
            ("in-process", ProvisionClient(transport: InProcessProvisionTransport(platform: platform), auth: .token(platform.bootstrap.vendorToken))),
            ("http", ProvisionClient(url: server.url, auth: .token(platform.bootstrap.vendorToken))),
        ]
        for (label, client) in provisioning {
            let scenario = ContentScenario(client: client, label: label, directory: directory, templateRID: templateRID?.stringValue ?? "")
            print(try await scenario.run())
            try await client.shutdown()
        }
    }
}
