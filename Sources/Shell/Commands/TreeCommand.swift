import OneP
import OnePJSON

/// tree: the hierarchy under a client, fetched level by level so that the number of requests
/// grows with the depth of the tree and not with its size.
enum TreeCommand {
    static let path = OptionalArgument<String>("PATH", "the client to start from (default: here)", type: .path)
    static let level = Option<Int>("level", "N", "show at most N levels below the start")
    static let values = Flag("values", "show each resource's latest value and its age")
    static let spark = Flag("spark", "with the values, a sparkline of the last \(RecentValues.count) values of numeric dataports")

    static let spec = CommandSpec(
        words: ["tree"],
        aliases: [["twee"]],
        abstract: "Show the hierarchy under a client",
        discussion:
            "Each level costs two requests however many resources it holds: one for the listings, one for the descriptions (and latest values).",
        arguments: [path, level, values, spark],
        examples: ["tree", "tree device1 --values", "tree device1 --spark", "tree / --level 1"],
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        let start = try await context.resolve(context[path] ?? ".")
        let maxLevel = context[level] ?? Int.max
        let withSpark = context[spark]
        let withValues = context[values] || withSpark
        let client = try context.client()

        // Children found per client RID, and the flat record of every node.
        var childrenOf: [String: [Child]] = [:]
        var latest: [String: (Int, JSON)] = [:]
        var recent: [String: [Double]] = [:]
        var rootInfo: JSON?
        /// What the caller activated through shares, when the tree starts at the caller.
        var activated: JSON?
        var frontier: [(rid: String, id: ResourceID)] = [(start.rid, start.id)]
        var depth = 0
        while !frontier.isEmpty, depth < maxLevel {
            try Task.checkCancellation()
            var calls: [Call] = []
            for parent in frontier {
                calls.append(.listing(parent.id, types: ResourceType.all, options: .init(owned: true)))
                calls.append(.info(parent.id, options: [.aliases]))
            }
            if depth == 0 {
                if start.segments.isEmpty { calls.append(CommandContext.activatedListing) }
                calls.append(.info(start.id, options: [.description, .basic]))
            }
            let listings = try await client.batch(calls)
            if depth == 0 {
                if start.segments.isEmpty { activated = listings[calls.count - 2].result }
                rootInfo = try listings[calls.count - 1].get()
                guard rootInfo?["basic"]?["type"]?.stringValue ?? "client" == "client" else {
                    throw ShellError.failed("tree: '\(start.text)' is not a client: use 'info'")
                }
            }
            var found: [(parent: String, rid: String, type: String, alias: String?)] = []
            var aliasInfos: [String: JSON] = [:]
            for (index, parent) in frontier.enumerated() {
                let listing = try listings[2 * index].get()
                let aliasInfo = listings[2 * index + 1]
                if aliasInfo.status.isOK { aliasInfos[parent.rid] = aliasInfo.result ?? .null }
                let aliases = Child.aliases(aliasInfo.status.isOK ? aliasInfo.result : nil)
                for item in Child.listed(listing) { found.append((parent.rid, item.rid, item.type, aliases[item.rid])) }
            }
            guard !found.isEmpty else { break }
            var detailCalls: [Call] = []
            var readIndex: [String: Int] = [:]
            for item in found { detailCalls.append(.info(.rid(item.rid), options: [.description])) }
            if withValues {
                for item in found where item.type != "client" {
                    readIndex[item.rid] = detailCalls.count
                    detailCalls.append(withSpark ? RecentValues.read(item.rid) : .read(.rid(item.rid), ReadOptions(limit: 1)))
                }
            }
            let details = try await client.batch(detailCalls)
            for (index, item) in found.enumerated() {
                let child = Child(rid: item.rid, type: item.type, info: details[index].status.isOK ? details[index].result : nil, alias: item.alias)
                childrenOf[item.parent, default: []].append(child)
                if let at = readIndex[item.rid], let point = details[at].result?[0], let timestamp = point[0]?.intValue {
                    latest[item.rid] = (timestamp, point[1] ?? .null)
                }
                if withSpark, RecentValues.drawable(type: item.type, format: child.format), let at = readIndex[item.rid] {
                    recent[item.rid] = RecentValues.numbers(details[at].result)
                }
            }
            // Every client of this level was listed whole: later paths through it need no request.
            for parent in frontier {
                guard let aliasInfo = aliasInfos[parent.rid] else { continue }
                context.session.paths?.learn(
                    children: childrenOf[parent.rid] ?? [], aliases: Child.aliasTargets(aliasInfo), under: parent.rid)
            }
            frontier = found.filter { $0.type == "client" }.map { ($0.rid, .rid($0.rid)) }
            depth += 1
        }

        func build(_ child: Child) -> TreeNode {
            var node = TreeNode(name: child.label, type: child.type, format: child.format, alias: child.alias, rid: child.rid)
            if let point = latest[child.rid] { node.latest = (point.0, point.1) }
            node.spark = recent[child.rid]
            node.children = Child.ordered(childrenOf[child.rid] ?? []).map(build)
            return node
        }
        if depth == 0, rootInfo == nil {
            // `--level 0` lists nothing, but names the node as deeper levels do.
            rootInfo = try await client.call(.info(start.id, options: [.description, .basic]))
            guard rootInfo?["basic"]?["type"]?.stringValue ?? "client" == "client" else {
                throw ShellError.failed("tree: '\(start.text)' is not a client: use 'info'")
            }
        }
        var rootChild = Child(rid: start.rid, type: "client", info: rootInfo, alias: nil)
        if rootChild.name.isEmpty { rootChild.name = start.segments.isEmpty ? context.session.authLabel : start.name }
        var root = build(rootChild)
        if maxLevel > 0 {
            for child in try await context.sharedChildren(activated, owned: Set(root.children.map(\.rid))) {
                var node = TreeNode(name: child.label, type: child.type, format: child.format, alias: nil, rid: child.rid)
                node.shared = true
                root.children.append(node)
            }
        }
        return .tree(root)
    }
}
