import ArgumentParser
import OnePlatform
import OnePlatformServer

/// The limits `onep serve` puts on clients, each an option with the server's default.
struct ServeLimitOptions: ParsableArguments {
    private static let defaults = ServerLimits()

    @Option(help: ArgumentHelp("The largest RPC or Data Interface request body, in bytes; past it: 413.", valueName: "bytes"))
    var maxBodySize: Int = defaults.maximumBodySize

    @Option(help: ArgumentHelp("The most calls in one RPC request; past it: the RPC error object, code 400.", valueName: "n"))
    var maxCalls: Int = defaults.rpc.maximumCalls

    @Option(
        name: .customLong("max-json-depth"),
        help: ArgumentHelp("How deep an RPC request's JSON may nest; past it: the RPC error object, code 400.", valueName: "n"))
    var maxJSONDepth: Int = defaults.rpc.maximumNesting

    @Option(help: ArgumentHelp("Seconds a request head may take to arrive; past it: 408 and close.", valueName: "seconds"))
    var headerTimeout: Double = Self.seconds(defaults.headerTimeout)

    @Option(help: ArgumentHelp("Seconds a request body may go without a byte; past it: 408 and close.", valueName: "seconds"))
    var bodyTimeout: Double = Self.seconds(defaults.bodyTimeout)

    @Option(help: ArgumentHelp("Seconds a connection may stay open with no request under way.", valueName: "seconds"))
    var idleTimeout: Double = Self.seconds(defaults.idleTimeout)

    @Option(help: ArgumentHelp("Connections served at once (each wait holds one); past it: 503.", valueName: "n"))
    var maxConnections: Int = defaults.maximumConnections

    func validate() throws {
        for (name, value) in [("--max-body-size", maxBodySize), ("--max-calls", maxCalls), ("--max-json-depth", maxJSONDepth)]
        where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        for (name, value) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)]
        where !(value.isFinite && value >= 0.001 && value <= 86_400) {
            throw ValidationError("\(name) must be a number of seconds from 0.001 to 86400")
        }
    }

    var serverLimits: ServerLimits {
        ServerLimits(
            maximumBodySize: maxBodySize, rpc: RPCLimits(maximumCalls: maxCalls, maximumNesting: maxJSONDepth),
            headerTimeout: Self.duration(headerTimeout), bodyTimeout: Self.duration(bodyTimeout),
            idleTimeout: Self.duration(idleTimeout), maximumConnections: maxConnections)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }

    private static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
