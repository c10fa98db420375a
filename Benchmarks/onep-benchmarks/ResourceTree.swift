import OneP
import OnePJSON

/// 5,000 resources three levels deep under one client: 10 clients, each holding 9 dataports and
/// 10 clients of 48 dataports. Made with batched creates, a thousand per request.
struct ResourceTree {
    static let resources = 5_000

    /// The client that holds the tree.
    let container: String
    /// Every client below the container, the 10 upper ones first.
    let clients: [String]
    let dataports: [String]
    /// For each dataport, the client that owns it.
    let owners: [String]

    /// Everything below the container: clients, then dataports.
    var all: [String] { clients + dataports }

    static func build(named name: String, client: RPCClient) async throws -> ResourceTree {
        let container = try await create(.client, [(.me, name)], client: client)[0]
        let top = try await create(.client, (0..<10).map { (ResourceID.rid(container), "c\($0)") }, client: client)
        let middle = try await create(.client, top.flatMap { parent in (0..<10).map { (ResourceID.rid(parent), "sub\($0)") } }, client: client)
        let owned = top.flatMap { parent in (0..<9).map { (parent, "p\($0)") } } + middle.flatMap { parent in (0..<48).map { (parent, "p\($0)") } }
        let dataports = try await create(.dataport, owned.map { (ResourceID.rid($0.0), $0.1) }, client: client)
        guard top.count + middle.count + dataports.count == resources else {
            throw OnePError.malformedAnswer("built \(top.count + middle.count + dataports.count) resources")
        }
        return ResourceTree(container: container, clients: top + middle, dataports: dataports, owners: owned.map(\.0))
    }

    /// Each client maps an alias to each of its dataports (`p0`, `p1`, ...), acting as that client
    /// through `client_id`, so `info` has aliases to answer.
    func mapAliases(rootCIK: String, transport: any Transport) async throws {
        var byOwner: [String: [(String, Int)]] = [:]
        for (offset, (port, owner)) in zip(dataports, owners).enumerated() {
            byOwner[owner, default: []].append((port, offset))
        }
        for (owner, ports) in byOwner {
            let client = RPCClient(transport: transport, auth: .cik(rootCIK, clientID: owner))
            let calls = ports.enumerated().map { index, port in Call.map(.rid(port.0), alias: "p\(index)") }
            for result in try await client.batch(calls) { _ = try result.get() }
        }
    }

    /// Creates one resource per item, a thousand creates per request; answers the new RIDs in order.
    private static func create(_ type: ResourceType, _ items: [(parent: ResourceID, name: String)], client: RPCClient) async throws -> [String] {
        var rids: [String] = []
        for start in stride(from: 0, to: items.count, by: 1_000) {
            let calls = items[start..<min(start + 1_000, items.count)].map { item in
                Call.create(item.parent, type: type, description: description(type, name: item.name))
            }
            for result in try await client.batch(calls) {
                guard let rid = try result.get()?.stringValue else { throw OnePError.malformedAnswer("create answered no RID") }
                rids.append(rid)
            }
        }
        return rids
    }

    /// Clients inherit their owner's limits so that they may hold children of their own.
    private static func description(_ type: ResourceType, name: String) -> JSON {
        guard type == .client else { return ["format": "integer", "name": .string(name)] }
        let kinds = ["client", "dataport", "datarule", "dispatch", "disk", "share"]
        return ["name": .string(name), "limits": .object(JSONObject(kinds.map { ($0, JSON.string("inherit")) }))]
    }
}
