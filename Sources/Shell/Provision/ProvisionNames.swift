import OneP

/// Which provisioning names a completion wants: the vendor's models, or one model's serial
/// numbers or content ids.
enum ProvisionNameKey: Sendable, Hashable {
    case models
    case serialNumbers(model: String)
    case contents(model: String)
}

/// Asks the provisioning API for names, as completion needs them: one request per key.
struct ProvisionNameFetcher: Sendable {
    let transport: any ProvisionTransport
    let auth: VendorAuth

    func names(_ key: ProvisionNameKey) async -> [String]? {
        let client = ProvisionClient(transport: transport, auth: auth)
        let answer: ProvisionAnswer?
        switch key {
        case .models: answer = try? await client.modelList()
        case .serialNumbers(let model): answer = try? await client.serialNumberList(model: model, limit: 1000)
        case .contents(let model): answer = try? await client.contentList(model: model)
        }
        guard let answer, answer.isSuccess else { return nil }
        return answer.rows.compactMap(\.first).filter { !$0.isEmpty }
    }
}
