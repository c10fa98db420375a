import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform

/// One kind of request run over and over in process, for a profiler to watch
/// (`perf record -e cpu-clock -g -- onep-benchmarks profile-info`): the tree is built first,
/// then the request repeats for about `duration` seconds.
struct ProfileScenario {
    static let groups = [
        "profile-info", "profile-listing", "profile-write", "profile-recordbatch", "profile-single-read", "profile-single-info",
        "profile-single-write", "profile-create",
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
        case "profile-single-read":
            calls = [("read", [.string(tree.dataports[0]), [:]])]
        case "profile-single-info":
            calls = [("info", [.string(tree.dataports[0]), ["basic": true]])]
        case "profile-single-write":
            calls = [("write", [.string(tree.dataports[0]), 5])]
        case "profile-create":
            // What `copy` sends: a full description (less subscribe and preprocess) under clients two levels down.
            let middle = Array(tree.clients.dropFirst(10))
            let description: JSON = [
                "format": "integer", "meta": "", "name": "p0", "public": false,
                "retention": ["count": "infinity", "duration": "infinity"],
            ]
            calls = (0..<1_000).map { ("create", [.string(middle[$0 % middle.count]), "dataport", description]) }
        default:
            calls = tree.dataports.suffix(10).map { port in ("recordbatch", [.string(port), .array((0..<10_000).map { [.int($0), .int($0)] })]) }
        }
        let body = PerCallScenario.request(cik: cik, calls: calls)
        try PerCallScenario.check(await platform.processRPC(body), calls: calls.count)
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
}
