/// The type of value a time series resource stores.
enum DataFormat: String, Codable, Sendable, CaseIterable {
    case float
    case integer
    case string
}
