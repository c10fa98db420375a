/// One HTTP request to the provisioning API (`/provision/...`), as the platform sees it.
public struct ProvisionRequest: Sendable {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    public var method: String
    /// The path without the query, e.g. `/provision/manage/model/`.
    public var path: String
    /// The raw query string after `?`, still percent-encoded; empty when there is none.
    public var query: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// The address the request came from, as the activation log records it.
    public var remoteAddress: String

    public init(
        method: String, path: String, query: String = "", headers: [(String, String)] = [], body: [UInt8] = [],
        remoteAddress: String = "local"
    ) {
        self.remoteAddress = remoteAddress
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched without regard to case; nil when absent.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// A header's value with surrounding blanks removed, or nil when it is absent or empty.
    ///
    /// Some clients send auth headers with empty values on calls that need none, so an empty value
    /// counts as not sent.
    func nonEmptyHeader(_ name: String) -> String? {
        guard let value = header(name)?.trimmingBlanks, !value.isEmpty else { return nil }
        return value
    }

    /// The media type of the body without parameters, lowercased (`text/csv`).
    var mediaType: String {
        guard let value = header("Content-Type") else { return "" }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return type.trimmingBlanks.lowercased()
    }
}

extension String {
    var trimmingBlanks: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}
