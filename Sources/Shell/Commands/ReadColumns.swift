import OneP
import OnePJSON

/// The columns of a `read`: one per resource read, with the names `--header` can choose from.
struct ReadColumn: Sendable {
    var id: ResourceID
    var rid: String
    /// The name as typed, or the child's name when a client was expanded.
    var name: String
    var alias: String?
    /// The path from the session's root.
    var path: String
}

enum ReadColumns {
    /// The resources as typed, resolved.
    static func resolve(_ texts: [String], context: inout CommandContext) async throws -> [ReadColumn] {
        let targets = try await context.resolveAll(texts)
        let names = uniqueNames(targets)
        return zip(targets, names).map { target, name in
            ReadColumn(id: target.id, rid: target.rid, name: name, alias: nil, path: target.text)
        }
    }

    /// The columns with each client replaced by its dataports and datarules; nil when none is a client.
    static func expandingClients(_ columns: [ReadColumn], context: inout CommandContext) async throws -> [ReadColumn]? {
        let infos = try await context.client().batch(columns.map { .info($0.id, options: [.basic]) })
        let isClient = infos.map { $0.result?["basic"]?["type"]?.stringValue == "client" }
        guard isClient.contains(true) else { return nil }
        var expanded: [ReadColumn] = []
        for (column, client) in zip(columns, isClient) {
            guard client else {
                expanded.append(column)
                continue
            }
            let parent = try await context.resolve(column.path)
            let children = try await context.children(of: parent).filter { $0.type == "dataport" || $0.type == "datarule" }
            guard !children.isEmpty else { throw ShellError.failed("read: client '\(column.path)' has no dataports or datarules to read") }
            let base = column.path == "/" ? "" : column.path
            for child in children {
                expanded.append(
                    ReadColumn(id: .rid(child.rid), rid: child.rid, name: child.label, alias: child.alias, path: base + "/" + child.label))
            }
        }
        return expanded
    }

    /// Column names of the kind `--header` asks for, made unique when two would be the same.
    static func headers(_ columns: [ReadColumn], kind: String) -> [String] {
        var names: [String] = []
        for column in columns {
            var name: String
            switch kind {
            case "alias": name = column.alias ?? column.name
            case "rid": name = column.rid
            case "path": name = column.path
            default: name = column.name
            }
            if names.contains(name) { name = column.path }
            if names.contains(name) { name = column.rid }
            names.append(name)
        }
        return names
    }

    /// Column names: the path as typed, made unique when two resources share a name.
    static func uniqueNames(_ resources: [ResolvedResource]) -> [String] {
        var names: [String] = []
        for resource in resources {
            var name = resource.segments.isEmpty ? "/" : resource.name
            if names.contains(name) { name = resource.text }
            if names.contains(name) { name = resource.rid }
            names.append(name)
        }
        return names
    }
}
