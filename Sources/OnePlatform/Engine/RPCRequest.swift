import OnePJSON

/// A request body taken apart: who is calling and what they call.
struct RPCRequest: Sendable {
    let auth: AuthForm
    let calls: [CallRequest]
}

/// The credentials of a request.
enum AuthForm: Sendable {
    /// A client key, optionally acting as a descendant client or as the owner of a resource.
    case cik(String, acting: ActingAs)
    /// A token from `grant`.
    case token(String, clientID: String?)

    enum ActingAs: Sendable {
        case itself
        case client(String)
        case ownerOf(String)
    }
}

/// One entry of `calls`.
struct CallRequest: Sendable {
    /// The id to echo, or nil when the caller wants no answer for this call.
    let id: JSON?
    let procedure: String
    /// The arguments list, or nil when missing or not a list.
    let arguments: [JSON]?
}
