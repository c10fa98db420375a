/// The credentials a fresh platform creates for itself, so someone can start using it.
///
/// They are made once, on the first start of an empty database, and read back unchanged on every
/// later start of the same database.
public struct PlatformBootstrap: Sendable, Equatable {
    /// The CIK of the root client, the top of the resource tree.
    public let rootCIK: String
    /// The resource id of the root client.
    public let rootRID: String
    /// The name of the vendor created with the platform.
    public let vendorName: String
    /// The token that authenticates as that vendor.
    public let vendorToken: String

    public init(rootCIK: String, rootRID: String, vendorName: String, vendorToken: String) {
        self.rootCIK = rootCIK
        self.rootRID = rootRID
        self.vendorName = vendorName
        self.vendorToken = vendorToken
    }
}
