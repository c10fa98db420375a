/// The four kinds of resource in the tree.
enum ResourceType: String, Codable, Sendable, CaseIterable {
    case client
    case dataport
    case datarule
    case dispatch

    /// Whether the resource keeps a time series of its own.
    var keepsPoints: Bool { self != .client }

    /// The type's place among ``allCases``, to index per-type tables by.
    var ordinal: Int {
        switch self {
        case .client: 0
        case .dataport: 1
        case .datarule: 2
        case .dispatch: 3
        }
    }
}

/// Whether a client (or dispatch) may act, as `info` `basic.status` reports it.
enum ResourceStatus: String, Codable, Sendable {
    case activated
    case notactivated
    case expired
}
