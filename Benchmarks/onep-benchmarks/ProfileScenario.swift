import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform
import OnePlatformServer

/// One kind of request run over and over in process, for a profiler to watch
/// (`perf record -e cpu-clock -g -- onep-benchmarks profile-info`): the tree is built first,
/// then the request repeats for about `duration` seconds. The `profile-http-...` groups post the
/// single-call request (or a request of no call, or `{}`) over one kept-alive connection, as the
/// keep-alive scenario does; `profile-http-trivial` posts to the trivial Hummingbird endpoint, and
/// `profile-http-trivial-loop` to the same endpoint run on its event loop.
struct ProfileScenario {
    static let groups = [
        "profile-info", "profile-listing", "profile-write", "profile-recordbatch", "profile-single-read", "profile-single-info",
        "profile-single-write", "profile-create", "profile-http-single-read", "profile-http-single-info", "profile-http-single-write",
        "profile-http-no-call", "profile-http-refused", "profile-http-trivial", "profile-http-trivial-loop",
    ]

    let platform: Platform
    let group: String
    var duration = 20.0

    func run() async throws -> String {
        let cik = platform.bootstrap.rootCIK
        let tree = try await ResourceTree.build(named: group, client: RPCClient(transport: InProcessTransport(platform: platform), auth: .cik(cik)))
        let calls: [(String, [JSON])]
        switch group {
        case "profile-info":
            calls = tree.all.map { ("info", [.string($0), ["basic": true, "description": true, "aliases": true]]) }
        case "profile-listing":
            let clients = [tree.container] + tree.clients
            calls = (0..<2_000).map {
                ("listing", [.string(clients[$0 % clients.count]), ["client", "dataport", "datarule", "dispatch"], ["owned": true]])
            }
        case "profile-write":
            calls = tree.dataports.prefix(1_000).map { ("write", [.string($0), 5]) }
        case "profile-single-read", "profile-http-single-read":
            calls = [("read", [.string(tree.dataports[0]), [:]])]
        case "profile-single-info", "profile-http-single-info":
            calls = [("info", [.string(tree.dataports[0]), ["basic": true]])]
        case "profile-single-write", "profile-http-single-write":
            calls = [("write", [.string(tree.dataports[0]), 5])]
        case "profile-create":
            // What `copy` sends: a full description (less subscribe and preprocess) under clients two levels down.
            let middle = Array(tree.clients.dropFirst(10))
            let description: JSON = [
                "format": "integer", "meta": "", "name": "p0", "public": false,
                "retention": ["count": "infinity", "duration": "infinity"],
            ]
            calls = (0..<1_000).map { ("create", [.string(middle[$0 % middle.count]), "dataport", description]) }
        case "profile-http-no-call", "profile-http-refused", "profile-http-trivial", "profile-http-trivial-loop":
            calls = []
        default:
            calls = tree.dataports.suffix(10).map { port in ("recordbatch", [.string(port), .array((0..<10_000).map { [.int($0), .int($0)] })]) }
        }
        let body = PerCallScenario.request(cik: cik, calls: calls)
        if !calls.isEmpty { try PerCallScenario.check(await platform.processRPC(body), calls: calls.count) }
        if group.hasPrefix("profile-http-") { return try await overHTTP(body) }
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = PerCallScenario.cpuSeconds()
        var requests = 0
        while seconds(clock.now - start) < duration {
            _ = await platform.processRPC(body)
            requests += 1
        }
        let perCall = seconds(clock.now - start) / Double(requests * calls.count)
        let cpuPerCall = (PerCallScenario.cpuSeconds() - cpuStart) / Double(requests * calls.count)
        return "\(group): \(requests) requests of \(calls.count) calls, \(PerCallScenario.micro(perCall))/call, "
            + "\(PerCallScenario.micro(cpuPerCall)) CPU/call"
    }

    /// Posts the request over one kept-alive connection for about `duration` seconds.
    private func overHTTP(_ body: [UInt8]) async throws -> String {
        let client: KeepAliveClient
        var posted = body
        var stop: @Sendable () -> Void = {}
        var server: RunningPlatformServer?
        switch group {
        case "profile-http-trivial", "profile-http-trivial-loop":
            let (port, stopTrivial) = try await KeepAliveScenario.startTrivialServer(onEventLoop: group == "profile-http-trivial-loop")
            stop = stopTrivial
            client = KeepAliveClient(port: port, path: "/trivial")
            posted = Array("{}".utf8)
        default:
            let running = try await RunningPlatformServer.start(platform: platform)
            server = running
            client = KeepAliveClient(port: running.port, path: "/onep:v1/rpc/process")
            if group == "profile-http-refused" { posted = Array("{}".utf8) }
        }
        defer { stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = PerCallScenario.cpuSeconds()
        var requests = 0
        while seconds(clock.now - start) < duration {
            _ = try await client.repeatPost(posted, count: 1_000)
            requests += 1_000
        }
        let elapsed = seconds(clock.now - start)
        try await server?.stop()
        let cpu = (PerCallScenario.cpuSeconds() - cpuStart) / Double(requests)
        return "\(group): \(requests) requests, \(Int(Double(requests) / elapsed)) requests/s, \(PerCallScenario.micro(cpu)) CPU/request"
    }
}
