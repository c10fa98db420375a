import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import OnePJSON
import OnePlatform
import OnePlatformServer
import ServiceLifecycle

/// Single-call requests over one kept-alive connection, beside a trivial Hummingbird endpoint
/// (it answers `[]` to any POST) served from the same process and driven by the same client.
/// The trivial endpoint is served twice: as Hummingbird serves it by default (the goal's measure),
/// and with its connections run on their event loops as the platform's are, which shows what the
/// platform's own work costs beyond the HTTP layers. The three are measured in alternating turns
/// of 1,000 requests; the figures are medians.
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
        let (trivialPort, stopTrivial) = try await Self.startTrivialServer()
        defer { stopTrivial() }
        let (loopPort, stopLoop) = try await Self.startTrivialServer(onEventLoop: true)
        defer { stopLoop() }
        let trivial = KeepAliveClient(port: trivialPort, path: "/trivial")
        let trivialOnLoop = KeepAliveClient(port: loopPort, path: "/trivial")
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
        let empty = Array("{}".utf8)
        var lines: [String] = []
        for (name, body) in bodies {
            // Short turns, many of them: the machine's load drifts, and each turn's ratio sees
            // every server under the same load.
            var turns = (trivial: Turns(), onLoop: Turns(), onep: Turns())
            _ = try await trivial.repeatPost(empty, count: 200)
            _ = try await trivialOnLoop.repeatPost(empty, count: 200)
            let (_, warmed) = try await onep.repeatPost(body, count: 200)
            // A refused or failed call is fast too: the calls must have answered ok.
            if name == "read" || name == "info" || name == "write" { try PerCallScenario.check(warmed, calls: 1) }
            for _ in 0..<Self.turns {
                try await turns.trivial.add(rate(trivial, empty))
                try await turns.onLoop.add(rate(trivialOnLoop, empty))
                try await turns.onep.add(rate(onep, body))
            }
            lines.append(
                "http single-call \(name) requests on one kept-alive connection: \(Int(turns.onep.medianRate)) requests/s, "
                    + "\(turns.onep.percent(of: turns.trivial)) of a trivial Hummingbird endpoint's \(Int(turns.trivial.medianRate)) requests/s "
                    + "(goal >= \(ThroughputScenario.percent(Self.goal))) and \(turns.onep.percent(of: turns.onLoop)) of the same endpoint run "
                    + "on its event loop as the platform's routes are (\(Int(turns.onLoop.medianRate)) requests/s); medians of \(Self.turns) turns. "
                    + "CPU per request, client and server together: \(PerCallScenario.micro(turns.onep.medianCPU)) against "
                    + "\(PerCallScenario.micro(turns.trivial.medianCPU)) and \(PerCallScenario.micro(turns.onLoop.medianCPU))"
            )
        }
        return lines
    }

    /// One server's turns: requests per second and CPU seconds per request.
    struct Turns {
        var rates: [Double] = []
        var cpu: [Double] = []

        mutating func add(_ turn: (rate: Double, cpu: Double)) {
            rates.append(turn.rate)
            cpu.append(turn.cpu)
        }

        var medianRate: Double { KeepAliveScenario.median(rates) }
        var medianCPU: Double { KeepAliveScenario.median(cpu) }

        /// The median of the turn-by-turn ratios of this server's rate to `other`'s.
        func percent(of other: Turns) -> String {
            ThroughputScenario.percent(KeepAliveScenario.median(zip(rates, other.rates).map { $0 / $1 }))
        }
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
    static func startTrivialServer(onEventLoop: Bool = false) async throws -> (port: Int, stop: @Sendable () -> Void) {
        let router = Router()
        router.post("/trivial") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "[]")))
        }
        let (listening, announce) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, server: onEventLoop ? .http1OnEventLoop : .http1(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
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

/// Hummingbird's HTTP/1 channel whose connections run on their event loop, as the platform's do.
struct EventLoopHTTP1Channel: ServerChildChannel {
    let base: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        base.setup(channel: channel, logger: logger)
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            await base.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    static let http1OnEventLoop = HTTPServerBuilder { EventLoopHTTP1Channel(base: HTTP1Channel(responder: $0)) }
}
