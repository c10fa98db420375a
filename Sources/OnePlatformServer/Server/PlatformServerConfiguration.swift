/// Where and how the HTTP front of a platform listens.
public struct PlatformServerConfiguration: Sendable {
    /// The address to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    public var bindAddress: String
    /// The port to bind; `0` lets the system pick a free one.
    public var port: Int
    /// How many requests one kept-alive connection serves before the server closes it, as the
    /// hosted platform does after its 100th.
    public var requestsPerConnection: Int
    /// The largest request body accepted; bigger ones answer 413.
    public var maximumRequestBodySize: Int

    public init(
        bindAddress: String = "127.0.0.1",
        port: Int = 8080,
        requestsPerConnection: Int = 100,
        maximumRequestBodySize: Int = 64 * 1024 * 1024
    ) {
        self.bindAddress = bindAddress
        self.port = port
        self.requestsPerConnection = requestsPerConnection
        self.maximumRequestBodySize = maximumRequestBodySize
    }
}
