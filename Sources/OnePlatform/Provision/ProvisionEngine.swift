import GRDB
import Logging

/// Answers the provisioning API: method, path, query, headers and body in; status, headers and
/// body out.
///
/// Each request runs in one write transaction, so a refused request (any ``ProvisionFailure``)
/// leaves the database as it found it. Content uploads are the exception: their bytes are stored
/// chunk by chunk as they arrive and only attached to the content entry once all have come.
struct ProvisionEngine: Sendable {
    let database: any DatabaseWriter
    let clock: any PlatformClock
    let logger: Logger

    /// The largest body accepted by anything but a content upload.
    static let maximumBodySize = 16 * 1024 * 1024

    func process<Chunks: AsyncSequence>(_ request: ProvisionRequest, body chunks: Chunks) async -> ProvisionResponse
    where Chunks.Element == [UInt8] {
        guard let endpoint = ProvisionEndpoint(path: request.path) else {
            return ProvisionFailure.notFound("no provisioning endpoint \(request.path)").response
        }
        if let refused = request.refusedHead { return refused.response }
        do {
            if case .content(let model, let id) = endpoint, request.method.uppercased() == "POST" {
                let upload = ContentUpload(database: database, clock: clock)
                return try await upload.run(request, model: model, id: id, chunks: chunks)
            }
            var whole = request
            for try await chunk in chunks {
                whole.body += chunk
                guard whole.body.count <= Self.maximumBodySize else {
                    throw ProvisionFailure.tooLarge("the body is larger than \(Self.maximumBodySize) bytes")
                }
            }
            if let refused = whole.refusedBody { throw refused }
            return try await handle(whole, endpoint)
        } catch let failure as ProvisionFailure {
            return failure.response
        } catch let broken as RequestBodyError {
            return ProvisionFailure.badRequest(broken.reason).response
        } catch {
            logger.error("provisioning request failed", metadata: ["path": "\(request.path)", "error": "\(error)"])
            return ProvisionFailure.internalFailure.response
        }
    }

    private func handle(_ request: ProvisionRequest, _ endpoint: ProvisionEndpoint) async throws -> ProvisionResponse {
        let now = clock.currentSecond
        let reader: any DatabaseReader = database
        return try await database.write { db in
            let context = ProvisionContext(request: request, db: db, now: now, reader: reader)
            return try Self.route(endpoint, context)
        }
    }

    private static func route(_ endpoint: ProvisionEndpoint, _ context: ProvisionContext) throws -> ProvisionResponse {
        switch endpoint {
        case .register: return try RegisterHandler.handle(context)
        case .authTokens: return try AdminAuthHandler.tokens(context)
        case .authToken(let id): return try AdminAuthHandler.token(context, name: id)
        case .models: return try ModelHandler.models(context)
        case .model(let model): return try ModelHandler.model(context, name: model)
        case .serialNumbers(let model): return try SerialListHandler.handle(context, model: model)
        case .serialNumber(let model, let sn): return try SerialNumberHandler.handle(context, model: model, sn: sn)
        case .shares(let model): return try ShareHandler.shares(context, model: model)
        case .share(let model, let vendor): return try ShareHandler.share(context, model: model, vendor: vendor)
        case .contents(let model): return try ContentHandler.contents(context, model: model)
        case .content(let model, let id): return try ContentHandler.content(context, model: model, id: id)
        case .groups(let model): return try GroupHandler.groups(context, model: model)
        case .group(let model, let id): return try GroupHandler.group(context, model: model, id: id)
        case .groupMembers(let model, let id): return try GroupHandler.members(context, model: model, id: id)
        case .activate: return try DeviceHandler.activate(context)
        case .download: return try DeviceHandler.download(context)
        }
    }
}
