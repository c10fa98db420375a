import Hummingbird
import NIOCore
import OnePJSON
import OnePlatform
import OnePlatformServer
import ServiceLifecycle

/// Single-call requests over one kept-alive connection, beside a trivial Hummingbird endpoint
/// (it answers `[]` to any POST) served from the same process and driven by the same client.
/// The two are measured in turns, three rounds, best of each.
struct KeepAliveScenario {
    let platform: Platform
    let port: Int
    let tree: ResourceTree

    static let requests = 5_000
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
        ]
        var lines: [String] = []
        for (name, body) in bodies {
            var best = (trivial: 0.0, onep: 0.0)
            for _ in 0..<3 {
                best.trivial = max(best.trivial, try await rate(trivial, Array("{}".utf8)))
                best.onep = max(best.onep, try await rate(onep, body))
            }
            lines.append(
                "http single-call \(name) requests on one kept-alive connection: \(Int(best.onep)) requests/s, "
                    + "\(ThroughputScenario.percent(best.onep / best.trivial)) of a trivial Hummingbird endpoint's "
                    + "\(Int(best.trivial)) requests/s (goal >= \(ThroughputScenario.percent(Self.goal)))")
        }
        return lines
    }

    private func rate(_ client: KeepAliveClient, _ body: [UInt8]) async throws -> Double {
        _ = try await client.repeatPost(body, count: 200)
        let (elapsed, _) = try await client.repeatPost(body, count: Self.requests)
        return Double(Self.requests) / seconds(elapsed)
    }

    /// A Hummingbird application with one route that reads the body and answers `[]`.
    private static func startTrivialServer() async throws -> (port: Int, stop: @Sendable () -> Void) {
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
