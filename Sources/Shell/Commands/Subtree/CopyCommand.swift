import OneP
import OnePJSON

/// copy: a subtree to another owner, on this platform or on another one.
enum CopyCommand {
    static let source = Argument<String>("SOURCE", "the resource to copy with everything under it", type: .path)
    static let destination = OptionalArgument<String>(
        "DEST", "the new owner (default: here; with --to-host: the client --to-cik is, or a RID under it)", type: .path)
    static let data = Flag("data", "copy the points too")
    static let toHost = Option<String>("to-host", "URL", "copy to the platform at this URL")
    static let toCIK = Option<String>(
        "to-cik", "CIK", "the CIK (or key name) to use there", secret: true, variable: "ONEP_TO_CIK", completion: .keyName)

    static let spec = CommandSpec(
        words: ["copy"],
        abstract: "Copy a subtree to another owner, here or on another platform (--to-host, --to-cik)",
        discussion:
            "The copy gets fresh RIDs; subscriptions and preprocess operands inside the subtree are rewritten to them, as 'load' does. "
            + "A copy that would not fit the destination's limits creates nothing. 'clone' copies a client within one platform in one "
            + "call; 'copy' also copies dataports, datarules and dispatches alone, and across platforms.",
        arguments: [source, destination, data, toHost, toCIK],
        examples: ["copy device1 /customers/acme", "copy device1 . --data", "copy device1 --to-host https://m2.exosite.com --to-cik mykey"],
        effect: .changes,
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        if context[toCIK] != nil, context[toHost] == nil {
            throw DescriptionOptions.conflict("copy", "--to-cik", "goes with --to-host URL")
        }
        let original = try await context.resolve(context[source])
        let root = try await SubtreeWalker(parts: [.tags, .comments]).walk(from: original, context: &context)
        if let cycle = SubtreeReferences.subscriptionCycle(in: root.all) {
            throw ShellError.failed("copy: subscriptions form a cycle (\(cycle.joined(separator: " → "))): break it before copying")
        }
        let sourceClient = try context.client()
        let points: SubtreeBuilder.PointSource? =
            context[data] ? { @Sendable rids, page in _ = try await DumpData(client: sourceClient).read(rids, page: page) } : nil
        if let host = context[toHost] { return try await copyRemote(root, host: host, points: points, context: &context) }
        let target = try await context.resolve(context[destination] ?? ".")
        let inside = Set(root.all.map(\.rid))
        if inside.contains(target.rid) || target.segments.contains(where: { inside.contains($0.rid) }) {
            throw ShellError.failed(
                "copy: '\(target.text)' lies inside '\(original.text)', which would copy a client into its own subtree: choose a destination outside it"
            )
        }
        let outcome = try await SubtreePlacement.place([root], under: target, points: points, command: "copy", context: &context)
        return SubtreePlacement.report(outcome, verb: "copied", count: root.count, under: target.text)
    }

    /// A copy to another platform: the destination is the client the given CIK is, or a RID under it.
    private static func copyRemote(
        _ root: SubtreeResource, host: String, points: SubtreeBuilder.PointSource?, context: inout CommandContext
    ) async throws -> CommandOutput {
        guard let given = context[toCIK] else { throw ShellError(.missingArgument(command: "copy", argument: "--to-cik CIK with --to-host")) }
        guard host.hasPrefix("http://") || host.hasPrefix("https://") else {
            throw ShellError(.invalidValue(command: "copy", argument: "--to-host", value: host, expected: "an http:// or https:// URL"))
        }
        let key = try context.services.keyStore.credentials(given)
        let endpoint = context.services.configuration.remoteEndpoint(host)
        defer { Task { await endpoint.close() } }
        let transport = CountingTransport(base: endpoint.transport, counter: context.services.counter)
        let remote = PlatformClient(rpc: RPCClient(transport: transport, auth: key.auth), me: nil, paths: nil, effects: context.effects)
        guard let me = try await remote.call(.lookup(.me, .alias("")))?.stringValue else {
            throw OnePError.malformedAnswer("lookup of the caller gave no RID")
        }
        var owner = me
        var name = host
        if let place = context[destination], place != "/", place != "." {
            guard ResourcePath.isRID(place) else {
                throw ShellError(
                    .invalidValue(command: "copy", argument: "DEST", value: place, expected: "a RID on the other platform (or leave it out)"))
            }
            owner = place.lowercased()
            name = place
        }
        try await SubtreeLimits.check([root], chain: [(owner == me ? .me : .rid(owner), name)], client: remote, command: "copy")
        var builder = SubtreeBuilder(
            client: remote,
            actingAs: { rid in rid == me ? remote : remote.with(auth: .cik(key.cik, clientID: rid), me: rid) })
        builder.keepsOutsideReferences = false
        let outcome = try await builder.build([root], under: owner, points: points)
        return SubtreePlacement.report(outcome, verb: "copied", count: root.count, under: host)
    }
}
