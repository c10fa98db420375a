/// One request of the HTTP Data Interface, as the HTTP front hands it to the platform.
///
/// The paths answered are `/onep:v1/stack/alias` (read, write, both, long poll),
/// `/onep:v1/stack/alias/<alias>` and `/onep:v1/stack/record` (values at given timestamps),
/// `/timestamp` and `/ip`.
public struct DataInterfaceRequest: Sendable {
    /// Where the server was reached, which `/ip` answers.
    public struct Address: Sendable, Equatable {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
    }

    public var method: String
    /// The path without the query.
    public var path: String
    /// The query string without its `?`, still percent-encoded.
    public var query: String
    /// Header fields; names match case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The server's own address on this connection; nil when the request came without a socket.
    public var serverAddress: Address?

    public init(
        method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        serverAddress: Address? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.serverAddress = serverAddress
    }

    /// The first value of a header field.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
