import OnePJSON

/// A dump document read back from a file: the subtree and its points, checked for what `load`
/// relies on, with every problem reported as `FILE:LINE: what` or `FILE: where: what`.
struct DumpFile {
    let root: SubtreeResource
    /// Points by old RID, in the order of the document's chunks.
    let chunks: [(rid: String, points: [JSON])]

    /// - Throws: ``ShellError`` that names the file and the place in it.
    init(text: String, path: String) throws(ShellError) {
        let document: JSON
        do {
            document = try JSON(parsing: text)
        } catch {
            throw ShellError.failed("\(path):\(Self.line(of: error.offset, in: text)): not valid JSON (\(error.reason)): was it written by 'dump'?")
        }
        guard let object = document.objectValue, object[DumpDocument.formatKey] != nil else {
            throw ShellError.failed("\(path): not a dump ('\(DumpDocument.formatKey)' is missing): write one with 'dump --file'")
        }
        guard object[DumpDocument.formatKey]?.intValue == DumpDocument.version else {
            throw ShellError.failed(
                "\(path): dump version \(object[DumpDocument.formatKey] ?? .null) is not one this onep reads (\(DumpDocument.version))")
        }
        guard let rootJSON = object["root"] else { throw ShellError.failed("\(path): the dump has no 'root'") }
        do {
            root = try DumpDocument.resource(rootJSON, path: "root")
        } catch {
            throw ShellError.failed("\(path): \(error)")
        }
        let rids = Set(root.all.map(\.rid))
        var chunks: [(String, [JSON])] = []
        for (index, chunk) in (object["data"]?.arrayValue ?? []).enumerated() {
            guard let rid = chunk["rid"]?.stringValue?.lowercased(), rids.contains(rid), let points = chunk["points"]?.arrayValue else {
                throw ShellError.failed("\(path): data[\(index)] needs the rid of a resource of the dump and a list of points")
            }
            for point in points where point[0]?.intValue == nil || point.arrayValue?.count != 2 {
                throw ShellError.failed("\(path): data[\(index)] holds \(point), expected [timestamp, value]")
            }
            chunks.append((rid, points))
        }
        self.chunks = chunks
    }

    /// The line (from 1) a byte offset of `text` falls on.
    static func line(of offset: Int, in text: String) -> Int {
        var line = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        return line
    }

    /// Hands over the points of the asked resources, chunk by chunk.
    var pointSource: SubtreeBuilder.PointSource {
        let chunks = self.chunks
        return { rids, page in
            let wanted = Set(rids)
            for chunk in chunks where wanted.contains(chunk.rid) { try await page(chunk.rid, chunk.points) }
        }
    }
}
