import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import OnePlatform

/// Why a request body could not be taken in whole, with the answer that says so: `413` past the
/// size limit, `400` for a body that broke off or was malformed. Both close the connection, since
/// the rest of what the client sends can no longer be told apart from a next request.
enum BodyFailure: Error {
    case tooLarge(limit: Int)
    case broken(RequestBodyError)

    /// Sorts an error thrown while the body was read; nil for the task's own cancellation.
    init?(_ error: any Error, limit: Int) {
        switch error {
        case is CancellationError:
            return nil
        case is NIOTooManyBytesError:
            self = .tooLarge(limit: limit)
        case let error as RequestBodyError:
            self = .broken(error)
        default:
            self = .broken(Self.reading(error))
        }
    }

    /// What went wrong with the body stream, in a line a client's developer can act on.
    static func reading(_ error: any Error) -> RequestBodyError {
        switch error as? HTTPParserError {
        case .invalidEOFState?:
            return RequestBodyError(reason: "the request body ended before its Content-Length or its last chunk")
        case .some:
            return RequestBodyError(reason: "the request body is malformed (\(error)); check its Content-Length or chunked encoding")
        case nil:
            return RequestBodyError(reason: "the request body could not be read to its end")
        }
    }

    var response: Response {
        switch self {
        case .tooLarge(let limit):
            return Self.closing(.contentTooLarge, "the request body is larger than \(limit) bytes; send less in each request")
        case .broken(let error):
            return Self.closing(.badRequest, error.reason)
        }
    }

    /// A one-line plain text answer after which the server closes the connection.
    static func closing(_ status: HTTPResponse.Status, _ line: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .connection: "close"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: line + "\n")))
    }
}

extension Request {
    /// The whole body, at most `limit` bytes; one announced larger is refused before it is read.
    /// - Throws: ``BodyFailure``, or `CancellationError` when the task is cancelled.
    func collectBody(upTo limit: Int) async throws -> [UInt8] {
        if let announced = headers[.contentLength].flatMap(Int.init), announced > limit {
            throw BodyFailure.tooLarge(limit: limit)
        }
        do {
            return Array(try await body.collect(upTo: limit).readableBytesView)
        } catch {
            guard let failure = BodyFailure(error, limit: limit) else { throw error }
            throw failure
        }
    }
}
