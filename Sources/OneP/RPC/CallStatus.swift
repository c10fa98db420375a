import OnePJSON

/// The status of one answered call: `ok`, another status word (`restricted`, `invalid`, ...), or
/// for `recordbatch` the list of points the platform refused.
public enum CallStatus: Sendable, Hashable {
    case ok
    case failed(String)
    case refusedPoints([RefusedPoint])

    public struct RefusedPoint: Sendable, Hashable {
        public let timestamp: Int
        public let status: String

        public init(timestamp: Int, status: String) {
            self.timestamp = timestamp
            self.status = status
        }
    }

    public var isOK: Bool { self == .ok }

    /// Reads the `status` member of an answer; `nil` when it has neither form.
    init?(json: JSON) {
        if let word = json.stringValue {
            self = word == "ok" ? .ok : .failed(word)
            return
        }
        guard let entries = json.arrayValue else { return nil }
        var refused: [RefusedPoint] = []
        for entry in entries {
            guard let timestamp = entry[0]?.intValue, let status = entry[1]?.stringValue else { return nil }
            refused.append(RefusedPoint(timestamp: timestamp, status: status))
        }
        self = .refusedPoints(refused)
    }
}

extension CallStatus: CustomStringConvertible {
    public var description: String {
        switch self {
        case .ok: return "ok"
        case .failed(let word): return word
        case .refusedPoints(let points):
            return "refused points " + points.map { "\($0.timestamp) (\($0.status))" }.joined(separator: ", ")
        }
    }
}
