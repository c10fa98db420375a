import OnePJSON

/// One way of naming a resource in a call: a procedure and its arguments built around the target.
///
/// Together the probes put a resource in every position the procedures take one: the subject, a
/// parent, a move's destination, an alias target, a subscription, a preprocess operand, a clone
/// source, a grant's permission key, the client a code acts under, a client's key, a share's code.
struct IsolationProbe: Sendable {
    let procedure: String
    /// The arguments naming the target, or nil when this probe does not apply to it.
    let arguments: @Sendable (IsolationWorld, IsolationWorld.Credential, Int) -> [JSON]?

    init(_ procedure: String, _ arguments: @escaping @Sendable (IsolationWorld, IsolationWorld.Credential, Int) -> [JSON]?) {
        self.procedure = procedure
        self.arguments = arguments
    }

    /// A probe whose arguments depend only on the target's RID.
    init(_ procedure: String, _ arguments: @escaping @Sendable (JSON) -> [JSON]) {
        self.init(procedure) { world, _, index in arguments(.string(world.nodes[index].rid)) }
    }

    static let types: JSON = ["client", "dataport", "datarule", "dispatch"]

    /// Probes that change things or read what only the subhierarchy may: run only on targets the
    /// credential must not reach, where each must be refused and leave everything as it was.
    static let refused: [IsolationProbe] = [
        IsolationProbe("info") { [$0, [:]] },
        IsolationProbe("listing") { [$0, types, ["owned": true]] },
        IsolationProbe("listing") { [$0, types, ["activated": true, "aliased": true, "public": true]] },
        IsolationProbe("read") { [$0, ["limit": 10]] },
        IsolationProbe("wait") { [$0, ["timeout": 0]] },
        IsolationProbe("usage") { [$0, "dataport", 0, 10] },
        IsolationProbe("write") { [$0, 7] },
        IsolationProbe("writegroup") { [[[$0, 7]]] },
        IsolationProbe("record") { [$0, [[5, 7]], [:]] },
        IsolationProbe("recordbatch") { [$0, [[5, 7]]] },
        IsolationProbe("flush") { [$0] },
        IsolationProbe("update") { [$0, ["meta": "changed"]] },
        IsolationProbe("drop") { [$0] },
        IsolationProbe("move") { world, credential, index in [.string(world.nodes[index].rid), .string(world.nodes[credential.acting].rid)] },
        IsolationProbe("move") { world, credential, index in
            guard let mine = world.nodes.indices.first(where: { world.nodes[$0].parent == credential.acting }) else { return nil }
            return [.string(world.nodes[mine].rid), .string(world.nodes[index].rid)]
        },
        IsolationProbe("map") { ["alias", $0, "taken"] },
        IsolationProbe("unmap") { world, _, index in
            let alias = world.nodes.first { $0.parent == index && $0.alias != nil }?.alias ?? "none"
            return [.string(world.nodes[index].rid), "alias", .string(alias)]
        },
        IsolationProbe("lookup") { world, _, index in
            let alias = world.nodes.first { $0.parent == index && $0.alias != nil }?.alias ?? ""
            return [.string(world.nodes[index].rid), "alias", .string(alias)]
        },
        IsolationProbe("lookup") { ["owner", $0] },
        IsolationProbe("lookup") { world, credential, index in
            [.string(world.nodes[credential.acting].rid), "owner", .string(world.nodes[index].rid)]
        },
        IsolationProbe("share") { [$0, ["meta": "taken"]] },
        IsolationProbe("tag") { [$0, "add", "taken"] },
        IsolationProbe("comment") { [$0, "public", "taken"] },
        IsolationProbe("grant") { [$0, [:], ["ttl": 60]] },
        IsolationProbe("grant") { world, credential, index in
            [.string(world.nodes[credential.acting].rid), [world.nodes[index].rid: ["read"]], ["ttl": 60]]
        },
        IsolationProbe("create") { [$0, "dataport", ["format": "integer"]] },
        IsolationProbe("create") { [$0, "client", [:]] },
        IsolationProbe("create") { ["clone", ["rid": $0]] },
        IsolationProbe("create") { ["dataport", ["format": "integer", "subscribe": $0]] },
        IsolationProbe("create") { ["dataport", ["format": "integer", "preprocess": [["add", $0]]]] },
        IsolationProbe("activate") { world, _, index in [.string(world.nodes[index].rid), "share", .string(world.spareCode)] },
        IsolationProbe("deactivate") { world, _, index in
            let held = world.shares.first { $0.activator == index }?.code ?? world.spareCode
            return [.string(world.nodes[index].rid), "share", .string(held)]
        },
        // A client's key names the client.
        IsolationProbe("revoke") { world, _, index in world.nodes[index].cik.map { ["client", .string($0)] } },
        IsolationProbe("activate") { world, credential, index in
            world.nodes[index].cik.map { [.string(world.nodes[credential.acting].rid), "client", .string($0)] }
        },
        IsolationProbe("deactivate") { world, credential, index in
            world.nodes[index].cik.map { [.string(world.nodes[credential.acting].rid), "client", .string($0)] }
        },
        // A share's code names the shared resource.
        IsolationProbe("share") { world, _, index in
            world.shares.first { $0.resource == index }.map { [["share": .string($0.code), "meta": "taken"]] }
        },
        IsolationProbe("share") { world, _, index in
            world.shares.first { $0.resource == index }.map { [.string(world.nodes[index].rid), ["meta": "taken", "code": .string($0.code)]] }
        },
        IsolationProbe("revoke") { world, _, index in world.shares.first { $0.resource == index }.map { ["share", .string($0.code)] } },
    ]

    /// Read-only probes that must answer `ok` on every target the credential reaches.
    static let answered: [IsolationProbe] = [
        IsolationProbe("info") { [$0, [:]] },
        IsolationProbe("read") { world, _, index in world.nodes[index].isClient ? nil : [.string(world.nodes[index].rid), [:]] },
        IsolationProbe("wait") { world, _, index in
            world.nodes[index].isClient ? nil : [.string(world.nodes[index].rid), ["timeout": 0, "since": 0]]
        },
        IsolationProbe("listing") { world, _, index in world.nodes[index].isClient ? [.string(world.nodes[index].rid), types, [:]] : nil },
        IsolationProbe("lookup") { world, _, index in world.nodes[index].isClient ? [.string(world.nodes[index].rid), "alias", ""] : nil },
        IsolationProbe("usage") { world, _, index in
            world.nodes[index].isClient ? [.string(world.nodes[index].rid), "dataport", 0, 10] : nil
        },
    ]
}
