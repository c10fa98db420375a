import OnePJSON

/// The JSON document `dump` writes and `load` reads:
///
/// ```
/// {"onep_dump": 1,
///  "root": {"rid": ..., "type": "client", "aliases": [], "description": {...}, "tags": [], "comments": [],
///           "children": [...]},
///  "data": [{"rid": ..., "points": [[timestamp, value], ...]}, ...]}
/// ```
///
/// Every resource keeps its RID so references inside the subtree (`subscribe`, RID operands of
/// `preprocess`) can be matched on load; `data` (only with `dump --data`) is a list of chunks,
/// each one resource's points in ascending time, a resource's points possibly spread over several
/// chunks, so the writer never holds more than one answer's worth of them.
enum DumpDocument {
    static let formatKey = "onep_dump"
    static let version = 1

    /// Writes a resource and everything under it to `sink`, one resource at a time, as the object
    /// `{"rid", "type", "aliases", "description", "tags", "comments"[, "children"]}` serialized
    /// pretty at `indent` levels would read, byte for byte: the document is never built as a
    /// value, and the sink writes out whenever its buffer fills.
    static func write(_ resource: SubtreeResource, indent: Int, to sink: DocumentSink) throws {
        try sink.append { output in
            output.append(UInt8(ascii: "{"))
            member("rid", .string(resource.rid), indent: indent, first: true, into: &output)
            member("type", .string(resource.type), indent: indent, into: &output)
            member("aliases", .array(resource.aliases.map(JSON.string)), indent: indent, into: &output)
            member("description", .object(resource.description), indent: indent, into: &output)
            member("tags", .array(resource.tags.map(JSON.string)), indent: indent, into: &output)
            member("comments", .array(resource.comments), indent: indent, into: &output)
            guard resource.isClient else { return }
            key("children", indent: indent, into: &output)
            output.append(UInt8(ascii: "["))
        }
        if resource.isClient {
            for (index, child) in resource.children.enumerated() {
                try sink.append { output in
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    newline(indent + 2, into: &output)
                }
                try write(child, indent: indent + 2, to: sink)
            }
            try sink.append { output in
                if !resource.children.isEmpty { newline(indent + 1, into: &output) }
                output.append(UInt8(ascii: "]"))
            }
        }
        try sink.append { output in
            newline(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A member of an object at `indent`: its key (see ``key(_:indent:first:into:)``) and the value.
    private static func member(_ name: String, _ value: JSON, indent: Int, first: Bool = false, into output: inout [UInt8]) {
        key(name, indent: indent, first: first, into: &output)
        value.write(into: &output, pretty: true, indent: indent + 1)
    }

    /// `,` (unless first), a new line and `"key": `, for a member of an object at `indent`.
    private static func key(_ name: String, indent: Int, first: Bool = false, into output: inout [UInt8]) {
        if !first { output.append(UInt8(ascii: ",")) }
        newline(indent + 1, into: &output)
        JSON.string(name).write(into: &output)
        output.append(contentsOf: ": ".utf8)
    }

    private static func newline(_ indent: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Reads a resource back; `path` says where it lies, for messages.
    /// - Throws: ``DumpError`` naming what is missing or of the wrong kind.
    static func resource(_ json: JSON, path: String) throws(DumpError) -> SubtreeResource {
        guard let object = json.objectValue else { throw DumpError("\(path) is a \(json.kindName), expected a resource object") }
        guard let type = object["type"]?.stringValue, SubtreeResource.typeRank(type) < 4 else {
            throw DumpError("\(path) has no type, or not one of client, dataport, datarule, dispatch")
        }
        guard let rid = object["rid"]?.stringValue, ResourcePath.isRID(rid) else { throw DumpError("\(path) has no 40-hex rid") }
        guard let description = object["description"]?.objectValue else { throw DumpError("\(path) has no description object") }
        var resource = SubtreeResource(rid: rid.lowercased(), type: type, description: description)
        resource.aliases = try strings(object["aliases"], "\(path).aliases")
        resource.tags = try strings(object["tags"], "\(path).tags")
        resource.comments = object["comments"]?.arrayValue ?? []
        let children = object["children"]?.arrayValue ?? []
        if !children.isEmpty && type != "client" { throw DumpError("\(path) is a \(type) but has children") }
        resource.children = try children.enumerated().map { index, child throws(DumpError) in
            try self.resource(child, path: "\(path).children[\(index)]")
        }
        return resource
    }

    private static func strings(_ json: JSON?, _ path: String) throws(DumpError) -> [String] {
        guard let json else { return [] }
        guard let list = json.arrayValue else { throw DumpError("\(path) is a \(json.kindName), expected a list of strings") }
        return try list.map { item throws(DumpError) in
            guard let text = item.stringValue else { throw DumpError("\(path) holds a \(item.kindName), expected strings") }
            return text
        }
    }
}

/// What is wrong inside a dump document, in the document's own terms.
struct DumpError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
