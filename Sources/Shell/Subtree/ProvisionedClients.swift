import OneP

/// Which clients the session's vendor made by provisioning: each client's RID with its model and
/// serial number, read from the provisioning API (one request for the models, one per page of
/// each model's serial numbers).
struct ProvisionedClients: Sendable {
    /// Model and serial number by the RID of the client enabled for it.
    var byRID: [String: (model: String, sn: String)] = [:]

    /// - Parameter models: only models this pattern matches; every model when nil.
    static func read(_ context: CommandContext, models pattern: TextPattern? = nil) async throws -> ProvisionedClients {
        let client = try context.provisionClient()
        let models = try await client.modelList().rows.compactMap(\.first).filter { pattern?.matches($0) ?? true }
        var found = ProvisionedClients()
        for model in models {
            var offset = 0
            while true {
                let rows = try await client.serialNumberList(model: model, offset: offset, limit: ProvisionPages.pageSize, status: true).rows
                // `<sn>,<status>,<rid>,<extra>`: a serial number not enabled has no client.
                for row in rows where row.count >= 3 && ResourcePath.isRID(row[2]) {
                    found.byRID[row[2].lowercased()] = (model, row[0])
                }
                guard rows.count == ProvisionPages.pageSize else { break }
                offset += rows.count
            }
        }
        return found
    }

    /// The RIDs of the clients enabled for serial numbers of exactly this model.
    func clients(of model: String) -> [String] {
        byRID.filter { $0.value.model == model }.map(\.key).sorted()
    }
}
