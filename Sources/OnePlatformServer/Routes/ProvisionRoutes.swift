import HTTPTypes
import Hummingbird
import NIOCore
import OnePlatform

/// `/provision/...`: the provisioning API, handed to the platform with its body streamed in and
/// large content downloads streamed out.
struct ProvisionRoutes: PlatformRoutes {
    let platform: Platform

    func register(on router: Router<PlatformRequestContext>) {
        for method in [HTTPRequest.Method.get, .post, .put, .delete] {
            router.on("/provision/**", method: method) { request, context in
                await process(request, from: context.remoteAddress)
            }
        }
    }

    /// - Parameter peer: the other end of the connection; its IP address goes into the activation log.
    private func process(_ request: Request, from peer: SocketAddress?) async -> Response {
        let headers = request.headers.map { ($0.name.rawName, $0.value) }
        let head = ProvisionRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", headers: headers,
            remoteAddress: peer?.ipAddress ?? "unknown")
        let chunks = request.body.map { Array($0.readableBytesView) }
        let answer = await platform.processProvision(head, bodyChunks: chunks)
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            guard let name = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: name, value: value))
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: body(of: answer))
    }

    private func body(of answer: ProvisionResponse) -> ResponseBody {
        guard let stream = answer.bodyStream else {
            return answer.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        }
        let length = answer.header("Content-Length").flatMap(Int.init)
        return ResponseBody(contentLength: length) { writer in
            for try await chunk in stream {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
    }
}
