import OneP
import OnePJSON

/// dump: a subtree as one JSON document (see ``DumpDocument``), written as it is read.
enum DumpCommand {
    static let path = OptionalArgument<String>("PATH", "the resource to dump with everything under it (default: here)", type: .path)
    static let data = Flag("data", "also dump every point of every dataport, datarule and dispatch")
    static let file = Option<String>("file", "FILE", "write the document to FILE instead of standard output", completion: .file)

    static let spec = CommandSpec(
        words: ["dump"],
        abstract: "Write a subtree as a JSON document: descriptions, aliases, tags, comments, subscriptions, and points with --data",
        discussion:
            "The document is what 'load' reads back. Points are read in pages and written as they come, so a large subtree is never "
            + "held in memory whole. Without --data the requests grow with the depth of the subtree, not its size, plus one for each "
            + "client that owns clients two or more levels down: only a client and its owner may read the aliases it maps.",
        arguments: [path, data, file],
        examples: ["dump device1 --file device1.json", "dump device1 --data --file device1-with-history.json", "dump > all.json"],
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput? {
        let start = try await context.resolve(context[path] ?? ".")
        let root = try await SubtreeWalker(parts: [.tags, .comments]).walk(from: start, context: &context)
        let sink: DocumentSink
        if let target = context[file] {
            sink = try DocumentSink(file: target)
        } else {
            context.effects.note(.printed)
            sink = DocumentSink(output: context.services.output.writeOut)
        }
        var points = 0
        do {
            try sink.write("{\"\(DumpDocument.formatKey)\": \(DumpDocument.version),\n\"root\": ")
            try DumpDocument.write(root, indent: 0, to: sink)
            if context[data] {
                try sink.write(",\n\"data\": [")
                var first = true
                let series = root.all.filter { !$0.isClient }.map(\.rid)
                points = try await DumpData(client: try context.client()).read(series) { rid, page in
                    let chunk: JSON = ["rid": .string(rid), "points": .array(page)]
                    try sink.write((first ? "\n" : ",\n") + chunk.serialized())
                    first = false
                }
                try sink.write("\n]")
            }
            try sink.write("}\n")
            try sink.close()
        } catch {
            try? sink.close()
            throw error
        }
        guard let target = sink.path else { return nil }
        let withPoints = context[data] ? " and \(points) point\(points == 1 ? "" : "s")" : ""
        return .done("dumped \(root.count) resource\(root.count == 1 ? "" : "s")\(withPoints) to \(target)")
    }
}
