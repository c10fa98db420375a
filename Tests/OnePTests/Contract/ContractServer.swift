import Foundation
import OneP
import OnePJSON
import OnePlatform
import OnePlatformServer
import Testing

/// A platform served on 127.0.0.1 and one kept-alive raw connection to it, so contract tests send
/// exactly the bytes that pyonep and exoline put on the wire and see exactly what comes back.
struct ContractServer {
    let fixture: PlatformFixture
    let server: RunningPlatformServer
    let connection: RawHTTPConnection

    var platform: Platform { fixture.platform }
    var clock: ManualClock { fixture.clock }
    var rootCIK: String { platform.bootstrap.rootCIK }
    var rootRID: String { platform.bootstrap.rootRID }
    var vendor: String { platform.bootstrap.vendorName }
    var vendorToken: String { platform.bootstrap.vendorToken }

    /// Runs `body` against a fresh served platform, then stops the server and removes its files.
    static func run(_ body: (ContractServer) async throws -> Void) async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform, configuration: .init(port: 0))
        do {
            let connection = try RawHTTPConnection(port: server.port)
            try await body(ContractServer(fixture: fixture, server: server, connection: connection))
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    /// Posts `text` to the RPC endpoint as is and answers the raw response.
    func post(_ text: String) async throws -> RawResponse {
        try await connection.post("/onep:v1/rpc/process", body: Array(text.utf8))
    }

    /// Posts a request body and parses its answer as JSON.
    func rpc(_ text: String) async throws -> JSON {
        let response = try await post(text)
        #expect(response.status == 200)
        return try JSON(parsing: response.body)
    }

    /// Sends `calls` under `auth` (root's CIK by default) and answers the parsed body.
    func send(_ calls: [JSON], auth: JSON? = nil) async throws -> JSON {
        let request: JSON = ["auth": auth ?? ["cik": .string(rootCIK)], "calls": .array(calls)]
        return try await rpc(request.serialized(pretty: false))
    }

    /// Sends one call with id 1 and answers its entry, e.g. `{"id": 1, "status": "ok", "result": ...}`.
    func call(_ procedure: String, _ arguments: JSON, auth: JSON? = nil) async throws -> JSON {
        let answer = try await send([["id": 1, "procedure": .string(procedure), "arguments": arguments]], auth: auth)
        return try #require(answer[0])
    }

    /// Sends one call that must succeed and answers its result (`null` when it has none).
    func ok(_ procedure: String, _ arguments: JSON, auth: JSON? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws
        -> JSON
    {
        let entry = try await call(procedure, arguments, auth: auth)
        #expect(
            entry["status"] == "ok", "\(procedure) \(arguments.serialized(pretty: false)) answered \(entry.serialized(pretty: false))",
            sourceLocation: sourceLocation)
        return entry["result"] ?? .null
    }

    /// The status word of one call.
    func status(_ procedure: String, _ arguments: JSON, auth: JSON? = nil) async throws -> JSON? {
        try await call(procedure, arguments, auth: auth)["status"]
    }

    /// Creates a dataport of `format` under root, maps `alias` to it, and answers its RID.
    func dataport(_ alias: String, format: String = "float", extra: JSONObject = JSONObject()) async throws -> String {
        var description = extra
        description["format"] = .string(format)
        description["name"] = .string(alias)
        let rid = try #require(try await ok("create", ["dataport", .object(description)]).stringValue)
        _ = try await ok("map", ["alias", .string(rid), .string(alias)])
        return rid
    }

    /// Creates a client under `parent` (root by default) whose limits inherit, and answers its RID and CIK.
    func client(_ name: String, under auth: JSON? = nil) async throws -> (rid: String, cik: String) {
        let limits: JSON = ["client": "inherit", "dataport": "inherit", "datarule": "inherit", "dispatch": "inherit", "share": "inherit"]
        let rid = try #require(try await ok("create", ["client", ["name": .string(name), "limits": limits]], auth: auth).stringValue)
        let key = try #require(try await ok("info", [.string(rid), ["key": true]], auth: auth)["key"]?.stringValue)
        return (rid, key)
    }

    /// Values of a read with `options`, newest first by default.
    func read(_ resource: JSON, _ options: JSON = ["limit": 1000], auth: JSON? = nil) async throws -> JSON {
        try await ok("read", [resource, options], auth: auth)
    }

    /// Sends a request to a provisioning or data interface path with extra header lines.
    func get(_ path: String, headers: [String] = []) async throws -> RawResponse {
        try await connection.get(path, headers: headers)
    }

    func postForm(_ path: String, _ form: String, headers: [String] = [], contentType: String = "application/x-www-form-urlencoded; charset=utf-8")
        async throws -> RawResponse
    {
        try await connection.post(path, body: Array(form.utf8), contentType: contentType, headers: headers)
    }

    var vendorHeader: String { "X-Exosite-Token: \(vendorToken)" }
}

extension RawResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
