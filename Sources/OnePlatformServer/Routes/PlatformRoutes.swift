import Hummingbird

/// A group of routes of the platform's HTTP front: the RPC endpoint, provisioning and the HTTP Data
/// Interface each register theirs.
protocol PlatformRoutes: Sendable {
    func register(on router: Router<PlatformRequestContext>)
}
