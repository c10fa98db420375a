import Logging
import OnePlatform
import ServiceLifecycle

extension PlatformServer {
    /// Runs a server until SIGINT or SIGTERM, then shuts it down gracefully: it stops accepting,
    /// ends every `wait` and long poll as expired, lets other running requests finish for
    /// `configuration.shutdownGracePeriod`, then cancels what is left.
    /// - Throws: ``PlatformServerError`` when the address cannot be bound or the TLS files cannot
    ///   be used; other errors as they come.
    public static func serve(
        platform: Platform,
        configuration: PlatformServerConfiguration,
        onListening: @escaping @Sendable (_ address: String, _ port: Int) async -> Void
    ) async throws {
        HeapTrimmer.configureAllocator()
        let application = try application(platform: platform, configuration: configuration, onListening: onListening)
        var services = serviceGroup(application, configuration: configuration, stoppedBySignals: true)
        // Last, so that graceful shutdown stops it first and the application then drains as before.
        services.services.append(.init(service: HeapTrimmer()))
        let group = ServiceGroup(configuration: services)
        do {
            try await group.run()
        } catch {
            throw PlatformServerError.binding(error, address: configuration.bindAddress, port: configuration.port) ?? error
        }
    }

    /// The group a server runs in: graceful shutdown (on SIGTERM and SIGINT when `stoppedBySignals`),
    /// escalated to cancellation after the configuration's grace period.
    static func serviceGroup(
        _ application: some Service, configuration: PlatformServerConfiguration, stoppedBySignals: Bool
    ) -> ServiceGroupConfiguration {
        var group = ServiceGroupConfiguration(services: [application], logger: quietLogger)
        if stoppedBySignals { group.gracefulShutdownSignals = [.sigterm, .sigint] }
        group.maximumGracefulShutdownDuration = configuration.shutdownGracePeriod
        group.maximumCancellationDuration = Duration.seconds(5)
        return group
    }
}
