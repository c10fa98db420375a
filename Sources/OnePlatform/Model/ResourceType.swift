/// The four kinds of resource in the tree.
enum ResourceType: String, Codable, Sendable, CaseIterable {
    case client
    case dataport
    case datarule
    case dispatch

    /// Whether the resource keeps a time series of its own.
    var keepsPoints: Bool { self != .client }
}

/// Whether a client (or dispatch) may act, as `info` `basic.status` reports it.
enum ResourceStatus: String, Codable, Sendable {
    case activated
    case notactivated
    case expired
}
