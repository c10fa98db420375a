import Logging
import OnePlatform
import ServiceLifecycle

/// A platform server running in the background of the current process, for tests and benchmarks.
package final class RunningPlatformServer: Sendable {
    /// The address the server listens on, e.g. `http://127.0.0.1:54321` (`https://` with TLS).
    package let url: String
    package let port: Int

    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(url: String, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.url = url
        self.port = port
        self.group = group
        self.task = task
    }

    /// Starts a server and returns once it listens.
    /// - Throws: ``PlatformServerError`` when the address cannot be bound.
    package static func start(platform: Platform, configuration: PlatformServerConfiguration = .init(port: 0)) async throws
        -> RunningPlatformServer
    {
        let (listening, announce) = AsyncStream.makeStream(of: Int.self)
        let application = try PlatformServer.application(platform: platform, configuration: configuration) { _, port in
            announce.yield(port)
            announce.finish()
        }
        let group = ServiceGroup(configuration: PlatformServer.serviceGroup(application, configuration: configuration, stoppedBySignals: false))
        let task = Task {
            defer { announce.finish() }
            try await group.run()
        }
        var iterator = listening.makeAsyncIterator()
        guard let port = await iterator.next() else {
            do {
                try await task.value
            } catch {
                throw PlatformServerError.binding(error, address: configuration.bindAddress, port: configuration.port) ?? error
            }
            throw CancellationError()
        }
        let url = "\(configuration.scheme)://\(configuration.bindAddress):\(port)"
        return RunningPlatformServer(url: url, port: port, group: group, task: task)
    }

    /// Stops accepting connections, lets running requests finish, and returns when the server is down.
    package func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
