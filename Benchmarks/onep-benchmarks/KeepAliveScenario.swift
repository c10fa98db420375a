import Hummingbird
import NIOCore
import OnePJSON
import OnePlatform
import OnePlatformServer
import ServiceLifecycle

/// Single-call requests over one kept-alive connection, beside a trivial Hummingbird endpoint
/// (it answers `[]` to any POST) served from the same process and driven by the same client.
/// The two are measured in alternating turns of 1,000 requests; the figures are medians.
///
/// Two more lines split the cost of a single-call request: a body of `{}` (the platform refuses it
/// as it parses it, so what it costs beyond the trivial endpoint is the server's own layers) and a
/// request with no calls (adds authentication and a read transaction, but no call).
struct KeepAliveScenario {
    let platform: Platform
    let port: Int
    let tree: ResourceTree

    static let requests = 1_000
    static let goal = 0.8

    func run() async throws -> [String] {
        let (trivialPort, stop) = try await Self.startTrivialServer()
        defer { stop() }
        let trivial = KeepAliveClient(port: trivialPort, path: "/trivial")
        let onep = KeepAliveClient(port: port, path: "/onep:v1/rpc/process")
        let cik = platform.bootstrap.rootCIK
        let port = tree.dataports[0]
        let bodies: [(String, [UInt8])] = [
            ("read", PerCallScenario.request(cik: cik, calls: [("read", [.string(port), [:]])])),
            ("info", PerCallScenario.request(cik: cik, calls: [("info", [.string(port), ["basic": true]])])),
            ("write", PerCallScenario.request(cik: cik, calls: [("write", [.string(port), 5])])),
            ("refused `{}`", Array("{}".utf8)),
            ("no-call", PerCallScenario.request(cik: cik, calls: [])),
        ]
        var lines: [String] = []
        for (name, body) in bodies {
            // Short turns, many of them: the machine's load drifts, and each turn's ratio sees
            // both servers under the same load.
            var trivialRates: [Double] = []
            var onepRates: [Double] = []
            var ratios: [Double] = []
            var cpuRatios: [Double] = []
            var cpu = (trivial: [Double](), onep: [Double]())
            _ = try await trivial.repeatPost(Array("{}".utf8), count: 200)
            let (_, warmed) = try await onep.repeatPost(body, count: 200)
            // A refused or failed call is fast too: the calls must have answered ok.
            if name == "read" || name == "info" || name == "write" { try PerCallScenario.check(warmed, calls: 1) }
            for _ in 0..<Self.turns {
                let (trivialRate, trivialCPU) = try await rate(trivial, Array("{}".utf8))
                let (onepRate, onepCPU) = try await rate(onep, body)
                trivialRates.append(trivialRate)
                onepRates.append(onepRate)
                ratios.append(onepRate / trivialRate)
                cpu.trivial.append(trivialCPU)
                cpu.onep.append(onepCPU)
                cpuRatios.append(trivialCPU / onepCPU)
            }
            lines.append(
                "http single-call \(name) requests on one kept-alive connection: \(Int(Self.median(onepRates))) requests/s, "
                    + "\(ThroughputScenario.percent(Self.median(ratios))) of a trivial Hummingbird endpoint's "
                    + "\(Int(Self.median(trivialRates))) requests/s (medians of \(Self.turns) turns; goal >= \(ThroughputScenario.percent(Self.goal))); "
                    + "CPU per request, client and server together: \(PerCallScenario.micro(Self.median(cpu.onep))) against "
                    + "\(PerCallScenario.micro(Self.median(cpu.trivial))), so \(ThroughputScenario.percent(Self.median(cpuRatios))) of the trivial rate by CPU"
            )
        }
        return lines
    }

    static let turns = 15

    static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }

    /// Requests per second, and CPU seconds per request of the whole process (client and server).
    private func rate(_ client: KeepAliveClient, _ body: [UInt8]) async throws -> (Double, Double) {
        let cpuStart = PerCallScenario.cpuSeconds()
        let (elapsed, _) = try await client.repeatPost(body, count: Self.requests)
        let cpu = (PerCallScenario.cpuSeconds() - cpuStart) / Double(Self.requests)
        return (Double(Self.requests) / seconds(elapsed), cpu)
    }

    /// A Hummingbird application with one route that reads the body and answers `[]`.
    static func startTrivialServer() async throws -> (port: Int, stop: @Sendable () -> Void) {
        let router = Router()
        router.post("/trivial") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "[]")))
        }
        let (listening, announce) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in announce.yield(channel.localAddress?.port ?? 0) },
            logger: PlatformServer.quietLogger)
        let group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: PlatformServer.quietLogger))
        let task = Task { try await group.run() }
        var iterator = listening.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return (
            port,
            {
                Task {
                    await group.triggerGracefulShutdown(); _ = try? await task.value
                }
            }
        )
    }
}
