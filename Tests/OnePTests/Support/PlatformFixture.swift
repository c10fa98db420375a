import Foundation
import Testing
import OneP
import OnePEmbedded
import OnePlatform
import OnePlatformServer

/// How a test reaches the embedded platform: the same client code runs over each.
enum Route: String, CaseIterable, CustomTestStringConvertible {
    case inProcess
    case http

    var testDescription: String { rawValue }
}

/// A fresh platform on a temporary directory, with a clock that moves only when told.
struct PlatformFixture {
    static let startTime = 1_700_000_000.0

    let platform: Platform
    let clock: ManualClock
    let directory: URL

    init(directory: URL? = nil) throws {
        let directory = directory ?? Self.makeTemporaryDirectory()
        self.directory = directory
        self.clock = ManualClock(now: Self.startTime)
        self.platform = try Platform.open(directory: directory.path, clock: clock)
    }

    var rootAuth: Auth { .cik(platform.bootstrap.rootCIK) }

    static func makeTemporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onep-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func removeDirectory() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with a root client reaching this platform over `route`, then takes down what it started.
    func withClient<T>(
        _ route: Route,
        configuration: PlatformServerConfiguration = .init(port: 0),
        _ body: (RPCClient) async throws -> T
    ) async throws -> T {
        switch route {
        case .inProcess:
            return try await body(RPCClient(transport: InProcessTransport(platform: platform), auth: rootAuth))
        case .http:
            let server = try await RunningPlatformServer.start(platform: platform, configuration: configuration)
            let transport = HTTPTransport(url: server.url)
            do {
                let result = try await body(RPCClient(transport: transport, auth: rootAuth))
                try await transport.shutdown()
                try await server.stop()
                return result
            } catch {
                try? await transport.shutdown()
                try? await server.stop()
                throw error
            }
        }
    }
}

/// Runs `body` on a fresh platform reached over `route`, and removes the platform's directory afterwards.
func withPlatform<T>(_ route: Route, _ body: (RPCClient, PlatformFixture) async throws -> T) async throws -> T {
    let fixture = try PlatformFixture()
    defer { fixture.removeDirectory() }
    return try await fixture.withClient(route) { client in try await body(client, fixture) }
}
