import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// The tree an ``IsolationPlan`` describes, made on a fresh platform through `processRPC`, with
/// everything the test needs to know about it to say which calls may reach which resources.
struct IsolationWorld {
    struct Node {
        let rid: String
        let isClient: Bool
        /// The index of the owning client; nil for the root.
        let parent: Int?
        let cik: String?
        let isPublic: Bool
        /// The name the owner mapped for this resource.
        let alias: String?
    }

    struct Share {
        let code: String
        let resource: Int
        let activator: Int
    }

    /// Credentials a request may carry, with the client they act as and, for a token, its grant.
    struct Credential {
        let label: String
        let auth: JSON
        let acting: Int
        /// The granted resources and their procedures; nil for a CIK, which may call anything.
        let grants: [(resource: Int, procedures: Set<String>)]?
    }

    /// The procedures tokens are drawn from.
    static let grantable = [
        "read", "write", "info", "listing", "lookup", "usage", "drop", "move", "map", "unmap", "share", "revoke", "activate",
        "deactivate", "tag", "comment", "create", "update", "flush", "record", "recordbatch", "writegroup", "wait", "grant",
    ]

    /// Procedures that may also read resources outside the caller's subhierarchy: the shared and
    /// public ones (clients.md, "Resource identifiers"). Describing them is for ancestors only.
    static let readsBeyond: Set<String> = ["read", "wait"]

    let platform: TestPlatform
    /// The data directory of a platform opened on one, kept for as long as the world.
    private let directory: TemporaryDirectory?
    private(set) var nodes: [Node] = []
    private(set) var shares: [Share] = []
    /// A share of some resource that nobody activated.
    private(set) var spareCode = ""
    private(set) var credentials: [Credential] = []
    /// Auth forms that act outside what their key reaches; each must answer 401.
    private(set) var forged: [JSON] = []

    var clients: [Int] { nodes.indices.filter { nodes[$0].isClient } }

    // MARK: - Building

    /// - Parameter onDirectory: whether the platform lives on a data directory, where small reads
    ///   run on reader connections that remember keys and resources between requests.
    static func build(_ plan: IsolationPlan, onDirectory: Bool = false) async throws -> IsolationWorld {
        var world: IsolationWorld
        if onDirectory {
            let directory = try TemporaryDirectory()
            let clock = TestTime.clock()
            let platform = try Platform.open(directory: directory.path, clock: clock, backgroundWork: .never)
            world = IsolationWorld(platform: TestPlatform(platform: platform, clock: clock), directory: directory)
        } else {
            world = IsolationWorld(platform: try TestPlatform.inMemory(), directory: nil)
        }
        let bootstrap = world.platform.platform.bootstrap
        world.nodes = [Node(rid: bootstrap.rootRID, isClient: true, parent: nil, cik: bootstrap.rootCIK, isPublic: false, alias: nil)]
        for number in plan.clients { try await world.addClient(number) }
        for number in plan.dataports { try await world.addDataport(number) }
        for number in plan.shares { try await world.addShare(number) }
        world.spareCode = try #require(try await world.platform.ok("share", [.string(world.nodes.last?.rid ?? ""), [:]]).stringValue)
        world.addKeyCredentials()
        for number in plan.tokens { try await world.addToken(number) }
        return world
    }

    private init(platform: TestPlatform, directory: TemporaryDirectory?) {
        self.platform = platform
        self.directory = directory
    }

    func auth(of index: Int) -> JSON {
        .object(key(of: index))
    }

    /// The auth object of a client's own CIK, to add `client_id` or `resource_id` to.
    func key(of index: Int) -> JSONObject {
        ["cik": .string(nodes[index].cik ?? "")]
    }

    private mutating func addClient(_ number: Int) async throws {
        let owners = clients
        let owner = owners[number % owners.count]
        let made = try await platform.client(["name": .string("c\(nodes.count)")], auth: auth(of: owner))
        nodes.append(Node(rid: made.rid, isClient: true, parent: owner, cik: made.auth["cik"]?.stringValue, isPublic: false, alias: nil))
    }

    private mutating func addDataport(_ number: Int) async throws {
        let owners = clients
        let owner = owners[number % owners.count]
        let isPublic = number % 7 == 0
        let alias = "p\(nodes.count)"
        let rid = try await platform.dataport("integer", alias: alias, extra: isPublic ? ["public": true] : [:], auth: auth(of: owner))
        try await platform.ok("write", [.string(rid), 1], auth: auth(of: owner))
        nodes.append(Node(rid: rid, isClient: false, parent: owner, cik: nil, isPublic: isPublic, alias: alias))
    }

    /// The root shares a resource and a client activates the code; one share per pair.
    private mutating func addShare(_ number: Int) async throws {
        let resource = number % nodes.count
        let activator = clients[(number / 100) % clients.count]
        guard !shares.contains(where: { $0.resource == resource && $0.activator == activator }) else { return }
        let code = try #require(try await platform.ok("share", [.string(nodes[resource].rid), ["meta": "s"]]).stringValue)
        try await platform.ok("activate", ["share", .string(code)], auth: auth(of: activator))
        shares.append(Share(code: code, resource: resource, activator: activator))
    }

    /// Each client's own CIK; each client acted as by its owner's CIK (`client_id`); each dataport's
    /// owner acted as through the root's CIK (`resource_id`); and forms that must be refused.
    private mutating func addKeyCredentials() {
        for client in clients {
            credentials.append(Credential(label: "cik of \(client)", auth: auth(of: client), acting: client, grants: nil))
            if let owner = nodes[client].parent {
                var acting = key(of: owner)
                acting["client_id"] = .string(nodes[client].rid)
                credentials.append(Credential(label: "cik of \(owner) as \(client)", auth: .object(acting), acting: client, grants: nil))
            }
            for outside in nodes.indices where !within(outside, client) {
                var form = key(of: client)
                form[nodes[outside].isClient ? "client_id" : "resource_id"] = .string(nodes[outside].rid)
                forged.append(.object(form))
            }
            var itself = key(of: client)
            itself["resource_id"] = .string(nodes[client].rid)
            forged.append(.object(itself))
        }
        for port in nodes.indices where !nodes[port].isClient {
            var acting = key(of: 0)
            acting["resource_id"] = .string(nodes[port].rid)
            credentials.append(
                Credential(label: "root as owner of \(port)", auth: .object(acting), acting: nodes[port].parent ?? 0, grants: nil))
        }
    }

    /// The root grants a token acting as some client, on one resource of its subhierarchy.
    private mutating func addToken(_ number: Int) async throws {
        let client = clients[number % clients.count]
        let below = nodes.indices.filter { within($0, client) }
        let granted = below[(number / 10) % below.count]
        var bits = SplitMix(seed: UInt64(number))
        let procedures = Set(Self.grantable.filter { _ in bits.next() % 3 == 0 })
        let permissions: JSON = [nodes[granted].rid: .array(procedures.sorted().map(JSON.string))]
        let token = try #require(
            try await platform.ok("grant", [.string(nodes[client].rid), permissions, ["ttl": 3600]]).stringValue)
        let grants = [(resource: granted, procedures: procedures)]
        let label = "token of \(client) on \(granted) for \(procedures.sorted())"
        credentials.append(Credential(label: label, auth: ["token": .string(token)], acting: client, grants: grants))
        for inner in clients where inner != client && within(inner, client) {
            let auth: JSON = ["token": .string(token), "client_id": .string(nodes[inner].rid)]
            credentials.append(Credential(label: label + " as \(inner)", auth: auth, acting: inner, grants: grants))
        }
        for outside in clients where !within(outside, client) {
            forged.append(["token": .string(token), "client_id": .string(nodes[outside].rid)])
        }
    }

    // MARK: - What may reach what

    /// Whether `index` is `ancestor` or lies below it.
    func within(_ index: Int, _ ancestor: Int) -> Bool {
        var current: Int? = index
        while let node = current {
            if node == ancestor { return true }
            current = nodes[node].parent
        }
        return false
    }

    /// Whether a call of `procedure` with `credential` may act on the resource `index`.
    ///
    /// The acting client reaches its subhierarchy, and for reads shared and public resources; a
    /// token reaches only what lies there and also below a resource granted that procedure.
    func reaches(_ credential: Credential, _ procedure: String, _ index: Int) -> Bool {
        var reached = within(index, credential.acting)
        if !reached && Self.readsBeyond.contains(procedure) {
            reached = nodes[index].isPublic || shares.contains { $0.activator == credential.acting && within(index, $0.resource) }
        }
        guard let grants = credential.grants else { return reached }
        return reached && grants.contains { within(index, $0.resource) && $0.procedures.contains(procedure) }
    }
}

/// A small seeded generator, so one drawn number decides a whole set of procedures.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
