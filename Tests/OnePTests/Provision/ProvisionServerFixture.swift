import Foundation
import OneP
import OnePJSON
import OnePlatform
import OnePlatformServer
import TestSupport
import Testing

/// A platform served on 127.0.0.1 (port 0) and a ProvisionClient with the bootstrap vendor's token.
struct ProvisionServerFixture {
    let fixture: PlatformFixture
    let server: RunningPlatformServer
    let client: ProvisionClient

    var platform: Platform { fixture.platform }
    var vendor: String { platform.bootstrap.vendorName }
    var rootRID: String { platform.bootstrap.rootRID }

    /// Runs `body` against a fresh served platform, then stops everything.
    static func run(throwsOnError: Bool = false, _ body: (ProvisionServerFixture) async throws -> Void) async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        try await withServer(fixture.platform) { server in
            let client = ProvisionClient(url: server.url, auth: .token(fixture.platform.bootstrap.vendorToken), throwsOnError: throwsOnError)
            do {
                try await body(ProvisionServerFixture(fixture: fixture, server: server, client: client))
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    /// An RPC client acting as the root client over the same server.
    func withRPC<T>(_ body: (RPCClient) async throws -> T) async throws -> T {
        let transport = HTTPTransport(url: server.url)
        defer { Task { try? await transport.shutdown() } }
        return try await body(RPCClient(transport: transport, auth: fixture.rootAuth))
    }

    /// Client limits that draw on the owner's, so a client can own resources and copies.
    static let inheritedLimits = JSON.object(
        JSONObject(["client", "dataport", "datarule", "dispatch", "share"].map { ($0, JSON.string("inherit")) }))

    /// A template client with one dataport, made over RPC; returns its RID.
    func template() async throws -> String {
        try await withRPC { rpc in
            let description: JSON = ["name": "template", "limits": Self.inheritedLimits]
            let rid = try #require(try await rpc.call(.create(.me, type: .client, description: description))?.stringValue)
            _ = try await rpc.call(.create(.rid(rid), type: .dataport, description: ["format": "integer", "name": "t"]))
            return rid
        }
    }
}
