/// A request body that could not be read to its end: the client closed the connection early, sent
/// less than its `Content-Length`, broke its chunked encoding, or was too slow.
///
/// An HTTP front throws it from the body chunks it hands the platform; the platform answers `400`
/// with ``reason`` and keeps nothing of the request.
public struct RequestBodyError: Error, Sendable, CustomStringConvertible {
    /// One line for the answer's body, e.g. `the request body ended before its Content-Length`.
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
