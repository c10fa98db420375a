import Hummingbird

/// A group of routes of the platform's HTTP front (the RPC endpoint today; the HTTP Data Interface
/// and provisioning join the same way).
protocol PlatformRoutes: Sendable {
    func register(on router: Router<PlatformRequestContext>)
}
