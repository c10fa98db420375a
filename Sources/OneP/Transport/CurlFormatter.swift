import OnePJSON

/// Writes a request as a `curl` command line that a person can paste into a shell to replay it.
///
/// CIKs and tokens are masked unless asked otherwise, so debug output can be shared: the `auth`
/// member, and the CIK that `revoke`, `activate` and `deactivate` of a client carry as their code.
public struct CurlFormatter: Sendable {
    public let url: String
    public let headers: [(String, String)]
    public let revealSecrets: Bool

    public init(url: String, headers: [(String, String)], revealSecrets: Bool = false) {
        self.url = url
        self.headers = headers
        self.revealSecrets = revealSecrets
    }

    /// The command line that POSTs `body` to ``url`` with ``headers``.
    public func command(body: [UInt8]) -> String {
        var words = ["curl", "-X", "POST", Self.quoted(url)]
        for (name, value) in headers {
            words += ["-H", Self.quoted("\(name): \(value)")]
        }
        words += ["--data-binary", Self.quoted(shownBody(body))]
        return words.joined(separator: " ")
    }

    private func shownBody(_ body: [UInt8]) -> String {
        guard !revealSecrets, let request = try? JSON(parsing: body) else {
            return String(decoding: body, as: UTF8.self)
        }
        return Self.masked(request).serialized()
    }

    /// The request with every secret it carries masked.
    static func masked(_ request: JSON) -> JSON {
        guard var object = request.objectValue else { return request }
        if var auth = object["auth"]?.objectValue {
            for key in ["cik", "token"] {
                if let secret = auth[key]?.stringValue { auth[key] = .string(mask(secret)) }
            }
            object["auth"] = .object(auth)
        }
        if let calls = object["calls"]?.arrayValue {
            object["calls"] = .array(calls.map(maskedCall))
        }
        return .object(object)
    }

    private static func maskedCall(_ call: JSON) -> JSON {
        guard var object = call.objectValue,
            let procedure = object["procedure"]?.stringValue,
            ["revoke", "activate", "deactivate"].contains(procedure),
            var arguments = object["arguments"]?.arrayValue,
            let kindIndex = arguments.firstIndex(where: { $0.stringValue == "client" }),
            arguments.indices.contains(kindIndex + 1),
            let code = arguments[kindIndex + 1].stringValue
        else { return call }
        arguments[kindIndex + 1] = .string(mask(code))
        object["arguments"] = .array(arguments)
        return .object(object)
    }

    /// Keeps the first four characters, enough to tell keys apart, and stars the rest.
    static func mask(_ secret: String) -> String {
        String(secret.prefix(4)) + String(repeating: "*", count: max(0, secret.count - 4))
    }

    /// Single-quotes a word for a POSIX shell.
    static func quoted(_ word: String) -> String {
        "'" + word.replacing("'", with: #"'\''"#) + "'"
    }
}
