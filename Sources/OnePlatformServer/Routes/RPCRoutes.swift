import Hummingbird
import NIOCore
import OnePlatform
import ServiceLifecycle

/// `POST /onep:v1/rpc/process`: the request body goes to the platform as is, its answer comes back as is.
///
/// The deprecated `POST /api:v1/rpc/process`, which several published client libraries still send
/// by default, is served exactly the same way.
struct RPCRoutes: PlatformRoutes {
    static let paths = ["/onep:v1/rpc/process", "/api:v1/rpc/process"]

    let platform: Platform
    let maximumRequestBodySize: Int

    func register(on router: Router<PlatformRequestContext>) {
        for path in Self.paths {
            router.post(RouterPath(path)) { request, context in
                try await process(request, context: context)
            }
        }
    }

    private func process(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let body = Array(try await request.body.collect(upTo: maximumRequestBodySize).readableBytesView)
        let answer: [UInt8]
        if Self.mayWait(body) {
            // A suspended wait ends when its client hangs up, and must not hold a graceful shutdown
            // up for its whole timeout.
            answer = await context.cancellingOnHangUp { [platform] in
                await cancelWhenGracefulShutdown { await platform.processRPC(body) }
            }
        } else {
            answer = await platform.processRPC(body)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer))
        )
    }

    /// Whether the body names the `wait` procedure; a cheap look that may say yes needlessly.
    private static func mayWait(_ body: [UInt8]) -> Bool {
        let word = Array("\"wait\"".utf8)
        guard body.count >= word.count else { return false }
        return (0...(body.count - word.count)).contains { start in body[start..<(start + word.count)].elementsEqual(word) }
    }
}
