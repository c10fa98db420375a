/// Why a provisioning request was refused: an HTTP status and a short reason for the body.
///
/// Thrown anywhere inside a request's transaction; the engine turns it into the answer, and the
/// transaction rolls back so a refused request changes nothing.
struct ProvisionFailure: Error, Sendable {
    let status: Int
    let reason: String

    static func badRequest(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 400, reason: reason) }
    static func unauthorized(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 401, reason: reason) }
    static func forbidden(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 403, reason: reason) }
    static func notFound(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 404, reason: reason) }
    static func methodNotAllowed(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 405, reason: reason) }
    static func conflict(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 409, reason: reason) }
    static func tooLarge(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 413, reason: reason) }
    static func unsupportedMediaType(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 415, reason: reason) }
    static func rangeNotSatisfiable(_ reason: String) -> ProvisionFailure { ProvisionFailure(status: 416, reason: reason) }
    static let internalFailure = ProvisionFailure(status: 500, reason: "internal error")

    var response: ProvisionResponse {
        ProvisionResponse.text(reason.oneLine + "\n", status: status)
    }
}
