import Foundation
import OneP
import OnePEmbedded
import OnePlatform
import OnePlatformServer
import TestSupport
import Testing

/// How a test reaches the embedded platform: the same client code runs over each.
enum Route: String, CaseIterable, CustomTestStringConvertible {
    case inProcess
    case http

    var testDescription: String { rawValue }
}

/// A fresh platform on a temporary directory, with a clock that moves only when told.
struct PlatformFixture {
    static let startTime = Double(TestTime.start)

    let platform: Platform
    let clock: ManualClock
    let directory: URL
    /// The directory made for this fixture when none was given; removed with it.
    private let temporary: TemporaryDirectory?

    init(directory: URL? = nil) throws {
        let temporary = directory == nil ? try TemporaryDirectory() : nil
        let directory = directory ?? temporary?.url ?? URL(fileURLWithPath: NSTemporaryDirectory())
        self.temporary = temporary
        self.directory = directory
        let made = try ClockedPlatform.open(directory: directory.path)
        self.clock = made.clock
        self.platform = made.platform
    }

    var rootAuth: Auth { .cik(platform.bootstrap.rootCIK) }

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
            return try await withServedTransport(platform, configuration: configuration) { transport, _ in
                try await body(RPCClient(transport: transport, auth: rootAuth))
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
