import Hummingbird
import NIOCore
import OnePlatform

/// `POST /onep:v1/rpc/process`: the request body goes to the platform as is, its answer comes back as is.
struct RPCRoutes: PlatformRoutes {
    let platform: Platform
    let maximumRequestBodySize: Int

    func register(on router: Router<PlatformRequestContext>) {
        router.post("/onep:v1/rpc/process") { request, _ in
            try await process(request)
        }
    }

    private func process(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: maximumRequestBodySize)
        let answer = await platform.processRPC(Array(body.readableBytesView))
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer))
        )
    }
}
