/// Whether a provisioning or Data Interface answer is one their documents allow: a documented
/// status (never 5xx) and, for a refusal, a one-line reason.
enum HTTPOracle {
    static let provisionStatuses: Set<Int> = [200, 204, 205, 206, 400, 401, 403, 404, 405, 409, 413, 415, 416]
    static let dataInterfaceStatuses: Set<Int> = [200, 204, 304, 400, 401, 403, 404, 405, 409, 413]

    static func checkProvision(status: Int, body: [UInt8]) -> String? {
        guard provisionStatuses.contains(status) else { return "status \(status) is not one provisioning answers" }
        guard status >= 400 else { return nil }
        return oneLineReason(body)
    }

    static func checkDataInterface(status: Int, body: [UInt8]) -> String? {
        guard dataInterfaceStatuses.contains(status) else { return "status \(status) is not one the Data Interface answers" }
        guard status >= 400, status != 409 else { return nil }
        return oneLineReason(body)
    }

    /// A refusal says why in one line of text.
    static func oneLineReason(_ body: [UInt8]) -> String? {
        guard let text = String(validating: body, as: UTF8.self) else { return "a reason that is not UTF-8" }
        let lines = text.split(whereSeparator: \.isNewline)
        guard lines.count == 1, !lines[0].allSatisfy(\.isWhitespace) else {
            return "a reason of \(lines.count) lines: \(text.debugDescription)"
        }
        return nil
    }
}
