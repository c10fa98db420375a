import OnePJSON

/// The credentials of a request: a CIK or a token from `grant`, optionally narrowed to act as a
/// descendant client (`client_id`) or as the owner of a resource (`resource_id`).
public struct Auth: Sendable, Hashable {
    public let json: JSON

    private init(_ json: JSON) {
        self.json = json
    }

    /// Authenticates with a client interface key.
    /// - Parameters:
    ///   - clientID: act as this descendant client of the CIK's client.
    ///   - resourceID: act as the owner of this resource.
    public static func cik(_ cik: String, clientID: String? = nil, resourceID: String? = nil) -> Auth {
        var object: JSONObject = ["cik": .string(cik)]
        if let clientID { object["client_id"] = .string(clientID) }
        if let resourceID { object["resource_id"] = .string(resourceID) }
        return Auth(.object(object))
    }

    /// Authenticates with a token that `grant` returned.
    public static func token(_ token: String, clientID: String? = nil) -> Auth {
        var object: JSONObject = ["token": .string(token)]
        if let clientID { object["client_id"] = .string(clientID) }
        return Auth(.object(object))
    }

    /// The CIK, when this auth uses one.
    public var cik: String? { json["cik"]?.stringValue }
    /// The token, when this auth uses one.
    public var token: String? { json["token"]?.stringValue }
    public var clientID: String? { json["client_id"]?.stringValue }
    public var resourceID: String? { json["resource_id"]?.stringValue }
}
