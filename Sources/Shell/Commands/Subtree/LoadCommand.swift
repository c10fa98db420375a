import OneP
import OnePJSON

/// load: recreates a dumped subtree under a client, with fresh RIDs.
enum LoadCommand {
    static let file = Argument<String>("FILE", "a document 'dump' wrote", completion: .file)
    static let into = Option<String>("into", "PATH", "the client to create it under (default: here)", type: .path)
    static let noData = Flag("no-data", "leave the dump's points out")

    static let spec = CommandSpec(
        words: ["load"],
        abstract: "Recreate a dumped subtree under a client, with fresh RIDs",
        discussion:
            "Subscriptions and RID operands of preprocess that point inside the dump are rewritten to the new RIDs; RIDs written in a "
            + "script's source cannot be, and are reported. Limits are checked first: a load that does not fit creates nothing and says "
            + "which limit; if the platform refuses anything later, what was created is dropped again. Points of dataports and scripts "
            + "are restored; datarules and dispatches make theirs from their inputs.",
        arguments: [file, into, noData],
        examples: ["load device1.json", "load device1.json --into /customers/acme", "load device1.json --no-data"],
        effect: .changes,
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        let path = context[file]
        let text: String
        do {
            text = try context.services.configuration.readFile(path)
        } catch {
            throw ShellError.file(path, "cannot be read: check the path")
        }
        let dump = try DumpFile(text: text, path: path)
        if let cycle = SubtreeReferences.subscriptionCycle(in: dump.root.all) {
            throw ShellError.failed("\(path): subscriptions form a cycle (\(cycle.joined(separator: " → "))): break it before loading")
        }
        let destination = try await context.resolve(context[into] ?? ".")
        let outcome = try await SubtreePlacement.place(
            [dump.root], under: destination, points: context[noData] || dump.chunks.isEmpty ? nil : dump.pointSource, command: "load",
            context: &context)
        return SubtreePlacement.report(outcome, verb: "loaded", count: dump.root.count, under: destination.text)
    }
}

/// Where `load` and `copy` put a subtree on the session's own platform: the limits checked
/// first, then the builder, with a progress bar on a terminal.
enum SubtreePlacement {
    static func place(
        _ roots: [SubtreeResource], under destination: ResolvedResource, points: SubtreeBuilder.PointSource?, command: String,
        context: inout CommandContext
    ) async throws -> SubtreeBuilder.Outcome {
        let client = try context.client()
        // The destination and the owners above it that the session sees: whose limits it draws on.
        var chain: [(id: ResourceID, name: String)] = [(destination.id, destination.text)]
        for segment in destination.segments.dropLast().reversed() { chain.append((.rid(segment.rid), segment.name)) }
        if !destination.segments.isEmpty { chain.append((.me, destination.root.name.isEmpty ? "/" : destination.root.name)) }
        try await SubtreeLimits.check(roots, chain: chain, client: client, command: command)
        let session = context
        var builder = SubtreeBuilder(client: client, actingAs: { rid in try session.client(actingAs: rid) })
        let bar = context.progress("\(command): creating", total: roots.reduce(0) { $0 + $1.count })
        defer { bar.finish() }
        builder.progress = bar.isVisible ? bar : nil
        return try await builder.build(roots, under: destination.rid, points: points)
    }

    /// What a placement did: the new root's RID for people, every figure for programs.
    static func report(_ outcome: SubtreeBuilder.Outcome, verb: String, count: Int, under place: String) -> CommandOutput {
        let rid = outcome.roots.first ?? ""
        var fields: JSONObject = ["rid": .string(rid), "resources": .int(outcome.created.count), "points": .int(outcome.points)]
        fields["notes"] = .array(outcome.notes.map(JSON.string))
        let points = outcome.points > 0 ? " and \(outcome.points) point\(outcome.points == 1 ? "" : "s")" : ""
        var text = "\(verb) \(count) resource\(count == 1 ? "" : "s")\(points) under \(place): \(rid)"
        for note in outcome.notes { text += "\nnote: " + note }
        return .made(Made(fields: fields, text: text))
    }
}
