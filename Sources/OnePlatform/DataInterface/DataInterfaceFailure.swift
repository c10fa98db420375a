/// Why a Data Interface request was refused; ``response`` is the one place it becomes HTTP.
struct DataInterfaceFailure: Error, Sendable {
    fileprivate enum Kind: Sendable {
        case badRequest(String)
        case unauthorized
        case locked
        case notFound
        case methodNotAllowed(allowed: String)
        case conflict([(String, String)])
    }

    fileprivate let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    static func badRequest(_ reason: String) -> DataInterfaceFailure {
        DataInterfaceFailure(.badRequest(reason))
    }

    /// No CIK, or one that names no activated client.
    static let unauthorized = DataInterfaceFailure(.unauthorized)
    static let locked = DataInterfaceFailure(.locked)
    static let notFound = DataInterfaceFailure(.notFound)

    static func methodNotAllowed(allowed: String) -> DataInterfaceFailure {
        DataInterfaceFailure(.methodNotAllowed(allowed: allowed))
    }

    /// Record entries closer than a second apart: per alias, the timestamp that collided.
    static func conflict(_ collisions: [(alias: String, timestamp: String)]) -> DataInterfaceFailure {
        DataInterfaceFailure(.conflict(collisions.map { ($0.alias, $0.timestamp) }))
    }

    var response: DataInterfaceResponse {
        switch kind {
        case .badRequest(let reason): return .text(reason.oneLine, status: 400)
        case .unauthorized: return .text("the CIK is missing, unknown or not activated", status: 401)
        case .locked: return .text("the client is locked", status: 403)
        case .notFound: return .text("no such data interface path", status: 404)
        case .methodNotAllowed(let allowed):
            var response = DataInterfaceResponse.text("use \(allowed) here", status: 405)
            response.headers.append(("Allow", allowed))
            return response
        case .conflict(let collisions): return .form(collisions, status: 409)
        }
    }
}
