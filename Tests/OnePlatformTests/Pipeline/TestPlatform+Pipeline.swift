import OnePJSON
import OnePlatform
import Testing

/// Resources of the data pipeline, made through `create` as a client would.
extension TestPlatform {
    var now: Int { Int(clock.now()) }

    /// Creates a datarule under the caller and returns its RID.
    @discardableResult
    func datarule(_ rule: JSON, format: String = "integer", subscribe: String? = nil, extra: JSONObject = [:]) async throws -> String {
        var description: JSONObject = ["format": .string(format), "rule": rule]
        if let subscribe { description["subscribe"] = .string(subscribe) }
        for (key, value) in extra { description[key] = value }
        return try #require(try await ok("create", ["datarule", .object(description)]).stringValue)
    }

    /// Creates a dispatch under `auth` (the root client by default) and returns its RID.
    @discardableResult
    func dispatch(_ description: JSONObject, auth: JSON? = nil) async throws -> String {
        var full: JSONObject = ["method": "email", "recipient": "ops@example.com"]
        for (key, value) in description { full[key] = value }
        return try #require(try await ok("create", ["dispatch", .object(full)], auth: auth).stringValue)
    }

    /// The values of a resource, oldest first.
    func values(_ rid: String) async throws -> [JSON] {
        try await points(.string(rid)).map { $0[1] ?? .null }
    }

    /// The `[timestamp, value]` pairs of a resource, oldest first, with timestamps relative to the start.
    func timeline(_ rid: String) async throws -> [[Int]] {
        try await points(.string(rid)).map { [($0[0]?.intValue ?? 0) - Int(TestPlatform.start), $0[1]?.intValue ?? -1] }
    }

    func write(_ rid: String, _ value: JSON, auth: JSON? = nil) async throws {
        try await ok("write", [.string(rid), value], auth: auth)
    }

    /// Moves the clock on and waits until the platform has fired every timer due by then.
    func advance(by seconds: Double) async throws {
        clock.advance(by: seconds)
        try await platform.settle()
    }
}
