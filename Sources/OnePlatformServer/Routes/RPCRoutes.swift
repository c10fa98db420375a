import Hummingbird
import NIOCore
import OnePlatform

/// `POST /onep:v1/rpc/process`: the request body goes to the platform as is, its answer comes back as is.
///
/// The deprecated `POST /api:v1/rpc/process`, which several published client libraries still send
/// by default, is served exactly the same way.
struct RPCRoutes: PlatformRoutes {
    static let paths = ["/onep:v1/rpc/process", "/api:v1/rpc/process"]

    let platform: Platform
    let limits: ServerLimits

    func register(on router: Router<PlatformRequestContext>) {
        for path in Self.paths {
            router.post(RouterPath(path)) { request, context in
                try await process(request, context: context)
            }
        }
    }

    private func process(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let body: [UInt8]
        do {
            body = try await request.collectBody(upTo: limits.maximumBodySize)
        } catch let failure as BodyFailure {
            return failure.response
        }
        // Only a `wait` that suspends heeds the release, so every request may carry one: whether
        // a request waits is the platform's to say once it has parsed the body.
        let answer = await context.releasingWaits { [platform, limits] release in
            // A connection runs on its event loop (see ``EventLoopTaskExecutor``); parsing and
            // answering a large request would hold up every other connection of that loop.
            await Self.offTheLoop(if: body.count > Platform.inlineBodyLimit) {
                await platform.processRPC(body, limits: limits.rpc, release: release)
            }
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer))
        )
    }

    /// Runs `operation` on the global concurrent executor when `condition` holds, else where it is.
    private static func offTheLoop<T: Sendable>(if condition: Bool, _ operation: () async -> T) async -> T {
        guard condition else { return await operation() }
        return await withTaskExecutorPreference(globalConcurrentExecutor) { await operation() }
    }
}
