import OneP
import OnePJSON

extension CommandContext {
    /// A client for the provisioning API with the session's vendor credentials, throwing for
    /// every refusal so each command fails with one clear line.
    /// - Throws: ``ShellError`` when the platform has no provisioning API or no vendor is known.
    func provisionClient() throws(ShellError) -> ProvisionClient {
        try provisionClient(auth: session.requiredVendor().auth)
    }

    /// A client with the given credentials, or none for device calls.
    func provisionClient(auth: VendorAuth?) throws(ShellError) -> ProvisionClient {
        guard let transport = session.endpoint.provision else {
            throw ShellError.failed("this platform connection has no provisioning API: 'connect' to a platform URL")
        }
        return ProvisionClient(
            transport: CountingProvisionTransport(base: transport, counter: services.counter), auth: auth, throwsOnError: true)
    }

    /// Remembers names a list command saw, for completion.
    mutating func learn(_ names: [String], for key: ProvisionNameKey) {
        session.provisionNames[key] = names
    }

    /// A progress bar on standard error for bulk work, when that is a terminal.
    func progress(_ label: String, total: Int?) -> ProgressBar {
        ProgressBar(label: label, total: total, write: services.configuration.showsProgress ? services.output.writeErr : nil)
    }
}

/// Counts provisioning requests with the RPC ones, so `set timing` shows them too.
struct CountingProvisionTransport: ProvisionTransport {
    let base: any ProvisionTransport
    let counter: RequestCounter

    var endpoint: String { base.endpoint }

    func exchange<Result>(_ request: ProvisionOutgoing, receive: (ProvisionIncoming) async throws -> Result) async throws -> Result {
        counter.increment()
        return try await base.exchange(request, receive: receive)
    }
}
