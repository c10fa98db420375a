/// Where and how the HTTP front of a platform listens.
public struct PlatformServerConfiguration: Sendable {
    /// The address to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    public var bindAddress: String
    /// The port to bind; `0` lets the system pick a free one.
    public var port: Int
    /// How many requests one kept-alive connection serves before the server closes it, as the
    /// hosted platform does after its 100th.
    public var requestsPerConnection: Int
    /// Sizes, counts and timeouts past which a request or a connection is refused.
    public var limits: ServerLimits
    /// The certificate and key to serve HTTPS with; nil serves plain HTTP.
    public var tls: ServerTLSFiles?
    /// How long a graceful shutdown lets running requests finish (waits and long polls end at
    /// once) before it cancels them.
    public var shutdownGracePeriod: Duration

    public init(
        bindAddress: String = "127.0.0.1",
        port: Int = 8080,
        requestsPerConnection: Int = 100,
        limits: ServerLimits = .init(),
        tls: ServerTLSFiles? = nil,
        shutdownGracePeriod: Duration = .milliseconds(1500)
    ) {
        self.bindAddress = bindAddress
        self.port = port
        self.requestsPerConnection = requestsPerConnection
        self.limits = limits
        self.tls = tls
        self.shutdownGracePeriod = shutdownGracePeriod
    }

    /// `http` or `https`, as the start line and URLs say it.
    public var scheme: String { tls == nil ? "http" : "https" }
}
