import OnePCSV

/// What the platform answered to one provisioning request.
public struct ProvisionAnswer: Sendable {
    /// The HTTP status: 200 and 206 with a body, 204 for nothing to show, 205 after a change.
    public let status: Int
    /// The HTTP reason phrase, e.g. `Reset Content`.
    public let reason: String
    public let headers: [(String, String)]
    /// The body; empty when it was written to a file instead.
    public let body: [UInt8]

    public init(status: Int, reason: String, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body's non-empty lines, as CSV answers list their rows.
    public var lines: [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init).filter { !$0.isEmpty }
    }

    /// The fields of each record of a CSV answer, quotes removed (see ``CSVCodec``).
    public var rows: [[String]] { CSVCodec.records(text) }

    /// Whether the status is below 400.
    public var isSuccess: Bool { status < 400 }

    /// The first value of a header, matched without regard to case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }
}
