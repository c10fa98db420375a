import OnePCSV

/// The platform's answer to a ``ProvisionRequest``.
///
/// Large content downloads do not fill ``body``: their bytes come from ``bodyStream`` chunk by
/// chunk, and the `Content-Length` header says how many there are.
public struct ProvisionResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// When set, the body is read from this stream instead of ``body``.
    public var bodyStream: ProvisionBodyStream?

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], bodyStream: ProvisionBodyStream? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyStream = bodyStream
    }

    /// The first value of a header, matched without regard to case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// The whole body, reading the stream if there is one.
    public func collectedBody() async throws -> [UInt8] {
        guard let bodyStream else { return body }
        var bytes: [UInt8] = []
        for try await chunk in bodyStream { bytes += chunk }
        return bytes
    }
}

// MARK: - The answer shapes the API uses

extension ProvisionResponse {
    static let csvType = "text/csv; charset=utf-8"
    static let textType = "text/plain; charset=utf-8"

    /// A change that worked: 205 Reset Content with no body.
    static let reset = ProvisionResponse(status: 205, headers: [("Content-Length", "0")])

    /// One value a line (names, ids), or 204 No Content when there are none.
    static func csv(_ values: [String]) -> ProvisionResponse {
        csv(rows: values.map { [$0] })
    }

    /// CSV records, or 204 No Content when there are none.
    static func csv(rows: [[String]]) -> ProvisionResponse {
        guard !rows.isEmpty else { return ProvisionResponse(status: 204) }
        return text(CSVCodec.text(rows, lineBreak: "\r\n"), type: csvType)
    }

    /// A single CSV record, answered with 200 even when its fields are empty.
    static func csvRecord(_ fields: [String]) -> ProvisionResponse {
        text(CSVCodec.line(fields), type: csvType)
    }

    static func text(_ text: String, type: String = textType, status: Int = 200) -> ProvisionResponse {
        let bytes = Array(text.utf8)
        return ProvisionResponse(status: status, headers: [("Content-Type", type), ("Content-Length", String(bytes.count))], body: bytes)
    }
}
