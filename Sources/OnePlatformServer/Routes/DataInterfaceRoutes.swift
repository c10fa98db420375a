import HTTPTypes
import Hummingbird
import NIOCore
import OnePlatform

/// The HTTP Data Interface: `/onep:v1/stack/alias` (and `/alias/<alias>`), `/onep:v1/stack/record`,
/// `/timestamp` and `/ip`, answered by the platform.
///
/// A long poll (a GET with `Request-Timeout`) ends early when its client closes the connection, or
/// with `304` when the server shuts down, so a waiting device never holds the server up.
struct DataInterfaceRoutes: PlatformRoutes {
    let platform: Platform
    let maximumBodySize: Int

    private static let requestTimeout = HTTPField.Name("Request-Timeout")!

    func register(on router: Router<PlatformRequestContext>) {
        for path in ["/onep:v1/stack/alias", "/onep:v1/stack/alias/**", "/onep:v1/stack/record", "/timestamp", "/ip"] {
            for method in [HTTPRequest.Method.get, .post] {
                router.on(RouterPath(path), method: method) { request, context in
                    try await process(request, context: context)
                }
            }
        }
    }

    private func process(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        guard request.method == .get, request.headers[Self.requestTimeout] != nil else {
            let body: [UInt8]
            do {
                body = try await request.collectBody(upTo: maximumBodySize)
            } catch let failure as BodyFailure {
                return failure.response
            }
            return Self.response(await platform.processDataInterface(head(request, context: context, body: body)))
        }
        let poll = head(request, context: context, body: [])
        let answer = await context.releasingWaits { [platform] release in
            await platform.processDataInterface(poll, release: release)
        }
        return Self.response(answer)
    }

    private func head(_ request: Request, context: PlatformRequestContext, body: [UInt8]) -> DataInterfaceRequest {
        let address = context.localAddress.flatMap { address in
            address.ipAddress.map { DataInterfaceRequest.Address(host: $0, port: address.port ?? 0) }
        }
        return DataInterfaceRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: request.headers.map { ($0.name.rawName, $0.value) }, body: body, serverAddress: address)
    }

    private static func response(_ answer: DataInterfaceResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            guard let name = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: name, value: value))
        }
        let body = answer.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: body)
    }
}
