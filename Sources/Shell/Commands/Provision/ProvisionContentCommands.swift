import Foundation
import OneP
import OnePJSON

/// provision content list|info|create|upload|download|delete: files a model's devices download.
enum ProvisionContentCommands {
    static let model = ProvisionModelCommands.model
    static let contentID = Argument<String>("ID", "the content id", completion: .contentID)
    static let allowedFor = Option<String>("sn", "SN", "only content this serial number may download", completion: .serialNumber)

    static let list = CommandSpec(
        words: ["provision", "content", "list"],
        abstract: "List a model's content ids, or with --sn those that serial number may download",
        arguments: [model, allowedFor],
        run: { context in
            let name = context[model]
            let sn = context[allowedFor]
            let rows = try await context.provisionClient().contentList(model: name, sn: sn).rows
            if sn == nil { context.learn(rows.compactMap(\.first), for: .contents(model: name)) }
            return .table(ProvisionRows.table(rows, columns: ["id"]))
        }
    )

    static let info = CommandSpec(
        words: ["provision", "content", "info"],
        abstract: "Show content's type, size, last upload time, meta and protection",
        arguments: [model, contentID],
        run: { context in
            let (name, id) = (context[model], context[contentID])
            let record = try await context.provisionClient().contentInfo(model: name, id: id).rows.first ?? []
            let fields = ProvisionRows.fitted(record, count: 5, freeText: 3)
            let (meta, protected) = (fields[3], fields[4])
            let row: [JSON] = [
                .string(id), .string(fields[0]), Int(fields[1]).map(JSON.int) ?? "", Int(fields[2]).map(JSON.int) ?? "", .string(meta),
                .bool(protected == "true"),
            ]
            return .table(
                Table(columns: ["id", "type", "size", "updated", "meta", "protected"], rows: [row], rightAligned: [2], timeColumns: [3]))
        }
    )

    static let newID = Argument<String>("ID", "the new content's id")
    static let meta = Option<String>("meta", "TEXT", "a description devices see")
    static let protected = Flag("protected", "only serial numbers in a group with it may download it")

    static let create = CommandSpec(
        words: ["provision", "content", "create"],
        abstract: "Make a content entry of a model, to upload into",
        arguments: [model, newID, meta, protected],
        examples: ["provision content create thermostat firmware-1.2 --meta 'v1.2'"],
        effect: .changes,
        run: { context in
            let (name, id) = (context[model], context[newID])
            _ = try await context.provisionClient().contentCreate(model: name, id: id, meta: context[meta] ?? "", protected: context[protected])
            context.session.provisionNames[.contents(model: name)] = nil
            return .done("created content \(id)")
        }
    )

    static let source = Argument<String>("FILE", "the file to upload", completion: .file)
    static let contentType = Option<String>("type", "TYPE", "the content type (default: from the file's extension)")

    static let upload = CommandSpec(
        words: ["provision", "content", "upload"],
        abstract: "Upload a file as content's bytes, streaming it in chunks",
        discussion: "Content takes its bytes once; to replace them, delete the content and create it again.",
        arguments: [model, contentID, source, contentType],
        examples: ["provision content upload thermostat firmware-1.2 build/firmware.bin"],
        effect: .changes,
        run: { context in
            let (name, id, file) = (context[model], context[contentID], context[source])
            guard let size = fileSize(file) else { throw ShellError.file(file, "cannot be read: check the path") }
            guard !isDirectory(file) else { throw ShellError.file(file, "is a directory: name the file to upload") }
            let type = context[contentType] ?? ContentTypes.guess(file)
            let bar = context.progress("uploading \(id)", total: size)
            defer { bar.finish() }
            let client = try context.provisionClient()
            _ = try await client.contentUpload(model: name, id: id, filePath: file, contentType: type, progress: bar.byteCounter)
            return .done("uploaded \(size) bytes to \(id)")
        }
    )

    static let target = Argument<String>("FILE", "the file to write", completion: .file)
    static let range = Option<String>("range", "BYTES", "only these bytes, e.g. bytes=0-1023")

    static let download = CommandSpec(
        words: ["provision", "content", "download"],
        abstract: "Download content's bytes into a file, streaming them in chunks",
        arguments: [model, contentID, target, range],
        examples: ["provision content download thermostat firmware-1.2 firmware.bin"],
        run: { context in
            let (name, id, file) = (context[model], context[contentID], context[target])
            guard !isDirectory(file) else { throw ShellError.file(file, "is a directory: name the file to write, e.g. \(file)/\(id)") }
            let bar = context.progress("downloading \(id)", total: nil)
            defer { bar.finish() }
            let client = try context.provisionClient()
            _ = try await client.contentDownload(model: name, id: id, toFile: file, range: context[range], progress: bar.downloadCounter)
            return .done("downloaded \(fileSize(file) ?? 0) bytes of \(id) to \(file)")
        }
    )

    static let delete = CommandSpec(
        words: ["provision", "content", "delete"],
        abstract: "Delete content and its bytes",
        arguments: [model, contentID],
        effect: .destroys,
        run: { context in
            let (name, id) = (context[model], context[contentID])
            let client = try context.provisionClient()
            if context.asksBeforeDestroying {
                _ = try await client.contentInfo(model: name, id: id)
                try context.confirm("\(name) \(id)", "content '\(id)' of model '\(name)' with its bytes")
            }
            _ = try await client.contentDelete(model: name, id: id)
            context.session.provisionNames[.contents(model: name)] = nil
            return .done("deleted content \(id)")
        }
    )
}

/// The size of a file, or nil when it cannot be examined.
func fileSize(_ path: String) -> Int? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    return (attributes[.size] as? NSNumber)?.intValue
}

func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
}

/// The content type an upload is sent with when none is given.
enum ContentTypes {
    static func guess(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "txt", "log": return "text/plain"
        case "csv": return "text/csv"
        case "json": return "application/json"
        case "gz", "tgz": return "application/gzip"
        case "zip": return "application/zip"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        default: return "application/octet-stream"
        }
    }
}
