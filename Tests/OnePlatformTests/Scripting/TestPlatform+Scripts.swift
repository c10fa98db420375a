import OnePJSON
import OnePlatform
import Testing

/// Scripts made through `create` as a client would, and what they leave behind.
extension TestPlatform {
    /// Creates a script datarule under `auth` (the root client by default), maps it to `alias`
    /// when given, and waits until it has run as far as it can.
    @discardableResult
    func script(_ source: String, alias: String? = nil, auth: JSON? = nil) async throws -> String {
        let description: JSONObject = ["format": "string", "name": .string(alias ?? "script"), "rule": ["script": .string(source)]]
        let rid = try #require(try await ok("create", ["datarule", .object(description)], auth: auth).stringValue)
        if let alias { try await ok("map", ["alias", .string(rid), .string(alias)], auth: auth) }
        try await platform.settle()
        return rid
    }

    /// The script's `info` `basic.status`.
    func scriptStatus(_ rid: String, auth: JSON? = nil) async throws -> String? {
        try await ok("info", [.string(rid), ["basic": true]], auth: auth)["basic"]?["status"]?.stringValue
    }

    /// The script's log lines, oldest first (a point may hold several lines of one second).
    func log(_ rid: String, auth: JSON? = nil) async throws -> [String] {
        let points = try #require(try await ok("read", [.string(rid), ["sort": "asc", "limit": 1000]], auth: auth).arrayValue)
        return points.flatMap { ($0[1]?.stringValue ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Writes a value as `auth` and lets the scripts react.
    func feed(_ resource: JSON, _ value: JSON, auth: JSON? = nil) async throws {
        try await ok("write", [resource, value], auth: auth)
        try await platform.settle()
    }

    /// The latest value of a resource.
    func latest(_ resource: JSON, auth: JSON? = nil) async throws -> JSON? {
        try #require(try await ok("read", [resource, [:]], auth: auth).arrayValue).first?[1]
    }
}

extension TestPlatform {
    /// Runs a script to the end and answers what it said with `debug()`, without the
    /// `line N: ` each line starts with; errors stay as the log says them.
    func said(_ source: String, auth: JSON? = nil) async throws -> [String] {
        let script = try await script(source, auth: auth)
        return try await log(script, auth: auth).map(Self.withoutLine)
    }

    static func withoutLine(_ line: String) -> String {
        guard line.hasPrefix("line "), let colon = line.firstIndex(of: ":") else { return line }
        return String(line[line.index(colon, offsetBy: 2)...])
    }
}
