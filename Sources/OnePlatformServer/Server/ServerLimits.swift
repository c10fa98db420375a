import OnePlatform

/// What one client may hold of the server, each limit with the answer a client gets past it.
///
/// | limit | past it |
/// |---|---|
/// | ``maximumBodySize`` | `413`, and the connection closes |
/// | ``rpc`` calls and nesting | the request-level error object, code `400` |
/// | ``headerTimeout`` | `408`, and the connection closes |
/// | ``bodyTimeout`` | `408`, and the connection closes |
/// | ``idleTimeout`` | the connection closes (no request was under way) |
/// | ``maximumConnections`` | `503`, and the connection closes |
public struct ServerLimits: Sendable, Equatable {
    /// The largest request body of the RPC endpoint and the Data Interface. Provisioning has its
    /// own (16 MiB, except content uploads, which are stored as they arrive).
    public var maximumBodySize: Int
    /// How many calls one RPC request may hold and how deep its JSON may nest.
    public var rpc: RPCLimits
    /// How long a request head may take to arrive, from its first byte to its blank line.
    public var headerTimeout: Duration
    /// How long a request body may go without a byte while the server waits for it.
    public var bodyTimeout: Duration
    /// How long a connection may stay open with no request under way.
    public var idleTimeout: Duration
    /// How many connections may be open at once; a long poll or `wait` holds one for its duration.
    /// The server lowers it to what its open-file limit allows.
    public var maximumConnections: Int

    public init(
        maximumBodySize: Int = 16 * 1024 * 1024,
        rpc: RPCLimits = .standard,
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(30),
        maximumConnections: Int = 1024
    ) {
        self.maximumBodySize = maximumBodySize
        self.rpc = rpc
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }
}
