import OneP

/// Asks the platform for the children of one client, as completion needs them: two requests,
/// the listing with its aliases, then every child's name.
struct ChildFetcher: Sendable {
    let transport: any Transport
    let auth: Auth
    /// The client the session is authenticated as, which calls name as itself.
    let rootRID: String

    func children(of rid: String) async -> [KnownChild]? {
        let client = RPCClient(transport: transport, auth: auth)
        let id: ResourceID = rid == rootRID ? .me : .rid(rid)
        guard
            let first = try? await client.batch([.listing(id, types: ResourceType.all, options: .init(owned: true)), .info(id, options: [.aliases])]),
            first[0].status.isOK
        else { return nil }
        let listed = Child.listed(first[0].result)
        let aliases = Child.aliases(first[1].status.isOK ? first[1].result : nil)
        guard !listed.isEmpty else { return [] }
        guard let infos = try? await client.batch(listed.map { .info(.rid($0.rid), options: [.description]) }) else { return nil }
        return zip(listed, infos).map { Child(rid: $0.rid, type: $0.type, info: $1.result, alias: aliases[$0.rid]).known }
    }
}
