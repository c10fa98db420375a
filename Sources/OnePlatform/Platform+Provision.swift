import Logging

extension Platform {
    /// Answers one request of the provisioning API (`/provision/...`) whose body is in `request.body`.
    ///
    /// Content downloads come back whole in ``ProvisionResponse/body``.
    public func processProvision(_ request: ProvisionRequest) async -> ProvisionResponse {
        var response = await provisionEngine.process(request, body: NoChunks())
        guard response.bodyStream != nil else { return response }
        do {
            response.body = try await response.collectedBody()
            response.bodyStream = nil
            return response
        } catch {
            return ProvisionFailure.internalFailure.response
        }
    }

    /// Answers one request whose body arrives in chunks after `request.body`, for an HTTP front
    /// that should not hold large uploads in memory.
    ///
    /// A large content download comes back as ``ProvisionResponse/bodyStream``, to be sent as it is read.
    public func processProvision<Chunks: AsyncSequence>(_ request: ProvisionRequest, bodyChunks: Chunks) async -> ProvisionResponse
    where Chunks.Element == [UInt8] {
        await provisionEngine.process(request, body: bodyChunks)
    }

    private var provisionEngine: ProvisionEngine {
        ProvisionEngine(database: engine.database, clock: engine.clock, logger: Logger(label: "onep.platform.provision"))
    }
}

/// A body that has no more chunks than the request already holds.
private struct NoChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]

    struct AsyncIterator: AsyncIteratorProtocol {
        mutating func next() async -> [UInt8]? { nil }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
}
