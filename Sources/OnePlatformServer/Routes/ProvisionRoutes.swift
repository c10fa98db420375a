import HTTPTypes
import Hummingbird
import NIOCore
import OnePlatform
import Synchronization

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
        let broken = BodyBreak()
        let answer = await platform.processProvision(head, bodyChunks: BodyChunks(body: request.body, broken: broken))
        var fields = HTTPFields()
        // What follows a broken body cannot be told apart from a next request.
        if broken.happened { fields[.connection] = "close" }
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

/// A request body as the platform takes it: arrays of bytes, and a ``RequestBodyError`` (which the
/// platform answers with `400`) when the stream breaks off or is malformed.
private struct BodyChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let body: RequestBody
    let broken: BodyBreak

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let broken: BodyBreak

        mutating func next() async throws -> [UInt8]? {
            do {
                return try await base.next().map { Array($0.readableBytesView) }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                broken.note()
                throw BodyFailure.reading(error)
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: body.makeAsyncIterator(), broken: broken)
    }
}

/// Whether a request's body stream broke while the platform read it.
private final class BodyBreak: Sendable {
    private let broke = Atomic<Bool>(false)

    func note() { broke.store(true, ordering: .relaxed) }
    var happened: Bool { broke.load(ordering: .relaxed) }
}
