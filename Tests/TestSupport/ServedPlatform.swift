import OneP
import OnePlatform
import OnePlatformServer

/// Runs `body` with `platform` served over HTTP on 127.0.0.1 (port 0 unless the configuration says
/// otherwise), and stops the server afterwards, whether `body` returns or throws.
package func withServer<T>(
    _ platform: Platform, configuration: PlatformServerConfiguration = .init(port: 0), _ body: (RunningPlatformServer) async throws -> T
) async throws -> T {
    let server = try await RunningPlatformServer.start(platform: platform, configuration: configuration)
    let result: T
    do {
        result = try await body(server)
    } catch {
        try? await server.stop()
        throw error
    }
    try await server.stop()
    return result
}

/// Runs `body` with `platform` served over HTTP and an HTTP transport to it; shuts both down afterwards.
package func withServedTransport<T>(
    _ platform: Platform, configuration: PlatformServerConfiguration = .init(port: 0),
    _ body: (HTTPTransport, RunningPlatformServer) async throws -> T
) async throws -> T {
    try await withServer(platform, configuration: configuration) { server in
        let transport = HTTPTransport(url: server.url)
        let result: T
        do {
            result = try await body(transport, server)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
        return result
    }
}
