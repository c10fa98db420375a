/// How much one JSON-RPC request may ask of the platform; a request past a limit is refused whole
/// with the request-level error object (code `400`), before any of its calls runs.
public struct RPCLimits: Sendable, Equatable {
    /// The most entries `calls` may hold.
    public var maximumCalls: Int
    /// The deepest nesting of arrays and objects in the body; the request's own envelope takes four
    /// levels (`{"calls": [{"arguments": [...]}]}`), so a resource description has the rest.
    public var maximumNesting: Int

    public init(maximumCalls: Int = RPCLimits.standard.maximumCalls, maximumNesting: Int = RPCLimits.standard.maximumNesting) {
        self.maximumCalls = maximumCalls
        self.maximumNesting = maximumNesting
    }

    private init(calls: Int, nesting: Int) {
        maximumCalls = calls
        maximumNesting = nesting
    }

    /// What the platform accepts unless told otherwise: enough for the largest batches clients
    /// send (a `tree` level, a chunk of `record`), well short of what would exhaust memory.
    public static let standard = RPCLimits(calls: 10_000, nesting: 64)
}
