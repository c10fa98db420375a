/// A provisioning request the platform refused (status 400 or above), thrown when the client was
/// made with `throwsOnError`.
public struct ProvisionError: Error, Sendable {
    private enum Reason: Sendable {
        case refused(method: String, path: String, status: Int, reason: String, detail: String)
        case file(path: String, errno: Int32, action: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    static func refused(method: String, path: String, answer: ProvisionAnswer) -> ProvisionError {
        ProvisionError(.refused(method: method, path: path, status: answer.status, reason: answer.reason, detail: answer.text))
    }

    static func file(_ path: String, errno: Int32, action: String) -> ProvisionError {
        ProvisionError(.file(path: path, errno: errno, action: action))
    }

    /// The HTTP status of a refused request; nil for a local file failure.
    public var status: Int? {
        if case .refused(_, _, let status, _, _) = reason { return status }
        return nil
    }

    /// The body the platform sent with its refusal.
    public var detail: String? {
        if case .refused(_, _, _, _, let detail) = reason { return detail }
        return nil
    }
}

extension ProvisionError: CustomStringConvertible {
    public var description: String {
        switch reason {
        case .refused(let method, let path, let status, let reason, let detail):
            let trimmed = detail.split(separator: "\n").first.map { ": \($0)" } ?? ""
            return "\(method) \(path) answered \(status) \(reason)\(trimmed)"
        case .file(let path, let errno, let action):
            return "cannot \(action) \(path) (errno \(errno))"
        }
    }
}
