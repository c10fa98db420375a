/// The platform's answer to one ``DataInterfaceRequest``: a status, header fields and the whole body.
public struct DataInterfaceResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header field.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as text.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }

    static let formType = "application/x-www-form-urlencoded; charset=utf-8"
    static let textType = "text/plain; charset=utf-8"

    /// Nothing to send back: a write went through, or nothing was found to read.
    static let noContent = DataInterfaceResponse(status: 204)
    /// A long poll whose time ran out.
    static let notModified = DataInterfaceResponse(status: 304)

    static func form(_ pairs: [(String, String)], status: Int = 200) -> DataInterfaceResponse {
        DataInterfaceResponse(status: status, headers: [("Content-Type", formType)], body: Array(FormEncoding.encode(pairs).utf8))
    }

    static func text(_ text: String, status: Int = 200) -> DataInterfaceResponse {
        DataInterfaceResponse(status: status, headers: [("Content-Type", textType)], body: Array(text.utf8))
    }
}
