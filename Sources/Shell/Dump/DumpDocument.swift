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

    /// A resource and everything under it as the document holds it.
    static func json(_ resource: SubtreeResource) -> JSON {
        var object: JSONObject = [
            "rid": .string(resource.rid), "type": .string(resource.type), "aliases": .array(resource.aliases.map(JSON.string)),
            "description": .object(resource.description), "tags": .array(resource.tags.map(JSON.string)), "comments": .array(resource.comments),
        ]
        if resource.isClient { object["children"] = .array(resource.children.map(json)) }
        return .object(object)
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
