import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// The embedded platform driven through `processRPC` with JSON bodies, as a client would.
struct TestPlatform {
    static let start = Double(TestTime.start)

    let platform: Platform
    let clock: ManualClock

    /// The root client's auth, used when a call names no other.
    var auth: JSON { ["cik": .string(platform.bootstrap.rootCIK)] }

    init(platform: Platform, clock: ManualClock) {
        self.platform = platform
        self.clock = clock
    }

    static func inMemory(now: Double = start) throws -> TestPlatform {
        let made = try ClockedPlatform.inMemory(at: now)
        return TestPlatform(platform: made.platform, clock: made.clock)
    }

    /// Sends raw bytes and returns the raw answer text.
    func send(_ body: String) async -> String {
        String(decoding: await platform.processRPC(Array(body.utf8)), as: UTF8.self)
    }

    /// Sends a request object and parses the answer (nil for an empty body).
    func send(_ request: JSON) async throws -> JSON? {
        let bytes = await platform.processRPC(request.utf8Bytes())
        if bytes.isEmpty { return nil }
        return try JSON(parsing: bytes)
    }

    /// Sends calls numbered from 1 and returns their answers in order.
    func calls(_ calls: [(String, [JSON])], auth: JSON? = nil) async throws -> [JSON] {
        let list = calls.enumerated().map { index, call -> JSON in
            ["id": .int(index + 1), "procedure": .string(call.0), "arguments": .array(call.1)]
        }
        let answer = try await send(["auth": auth ?? self.auth, "calls": .array(list)])
        return try #require(answer?.arrayValue, "expected a list, got \(answer?.serialized() ?? "empty")")
    }

    /// One call's whole answer object.
    func call(_ procedure: String, _ arguments: [JSON], auth: JSON? = nil) async throws -> JSON {
        let answers = try await calls([(procedure, arguments)], auth: auth)
        #expect(answers.count == 1)
        return try #require(answers.first)
    }

    /// The status word of one call.
    func status(_ procedure: String, _ arguments: [JSON], auth: JSON? = nil) async throws -> String? {
        try await call(procedure, arguments, auth: auth)["status"]?.stringValue
    }

    /// The result of a call that must answer ok.
    @discardableResult
    func ok(_ procedure: String, _ arguments: [JSON], auth: JSON? = nil) async throws -> JSON {
        let answer = try await call(procedure, arguments, auth: auth)
        try #require(answer["status"] == "ok", "\(procedure) answered \(answer.serialized())")
        return answer["result"] ?? .null
    }

    /// Creates a dataport under the caller, mapped to `alias`, and returns its RID.
    @discardableResult
    func dataport(_ format: String, alias: String? = nil, extra: JSONObject = [:], auth: JSON? = nil) async throws -> String {
        var description: JSONObject = ["format": .string(format)]
        for (key, value) in extra { description[key] = value }
        let rid = try #require(try await ok("create", ["dataport", .object(description)], auth: auth).stringValue)
        if let alias { try await ok("map", ["alias", .string(rid), .string(alias)], auth: auth) }
        return rid
    }

    /// Every client limit set to `"inherit"`, as real clients send when they create a device.
    static let inheritedLimits: JSON = .object(
        JSONObject(
            [
                "client", "dataport", "datarule", "disk", "dispatch", "email", "email_bucket", "http", "http_bucket", "share", "sms",
                "sms_bucket", "xmpp", "xmpp_bucket",
            ].map { ($0, JSON.string("inherit")) }))

    /// Creates a client under the caller and returns its RID and the auth that acts as it.
    ///
    /// Unless `description` sets limits the client inherits its owner's, so it can own resources.
    func client(_ description: JSONObject = [:], auth: JSON? = nil) async throws -> (rid: String, auth: JSON) {
        var description = description
        if description["limits"] == nil { description["limits"] = Self.inheritedLimits }
        let rid = try #require(try await ok("create", ["client", .object(description)], auth: auth).stringValue)
        let info = try await ok("info", [.string(rid), ["key": true]], auth: auth)
        let cik = try #require(info["key"]?.stringValue)
        return (rid, ["cik": .string(cik)])
    }

    /// The points of a resource, oldest first.
    func points(_ resource: JSON, limit: Int = 1000) async throws -> [JSON] {
        try #require(try await ok("read", [resource, ["sort": "asc", "limit": .int(limit)]]).arrayValue)
    }
}
