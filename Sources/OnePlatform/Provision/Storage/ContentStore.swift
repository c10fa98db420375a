import Foundation
import GRDB

/// A content entry of a model: its description and, once uploaded, the blob of its bytes.
struct ContentEntry: Sendable {
    var id: Int64
    var name: String
    var meta: String
    var isProtected: Bool
    var contentType: String
    var updated: Int
    var blobID: Int64?
    var size: Int
}

/// Content entries and their blobs. A blob is stored as numbered chunks of ``chunkSize`` bytes
/// (the last may be shorter), so uploads and ranged downloads never need the whole blob at once.
enum ContentStore {
    static let chunkSize = 256 * 1024

    static func entry(_ db: Database, model: Int64, name: String) throws -> ContentEntry? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT c.id, c.name, c.meta, c.protected, c.content_type, c.updated, c.blob_id, coalesce(b.size, 0) AS size
                FROM content c LEFT JOIN content_blob b ON b.id = c.blob_id WHERE c.model_id = ? AND c.name = ?
                """,
            arguments: [model, name]
        ).map { row in
            ContentEntry(
                id: row["id"], name: row["name"], meta: row["meta"], isProtected: row["protected"], contentType: row["content_type"],
                updated: row["updated"], blobID: row["blob_id"], size: row["size"])
        }
    }

    static func names(_ db: Database, model: Int64) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM content WHERE model_id = ? ORDER BY id", arguments: [model])
    }

    static func entries(_ db: Database, model: Int64) throws -> [ContentEntry] {
        try names(db, model: model).compactMap { try entry(db, model: model, name: $0) }
    }

    static func create(_ db: Database, model: Int64, name: String, meta: String, isProtected: Bool, now: Int) throws {
        guard try entry(db, model: model, name: name) == nil else {
            throw ProvisionFailure.conflict("content \(name) already exists: pick another id or delete it first")
        }
        try db.execute(
            sql: "INSERT INTO content (model_id, name, meta, protected, content_type, updated) VALUES (?, ?, ?, ?, '', ?)",
            arguments: [model, name, meta, isProtected, now])
    }

    static func delete(_ db: Database, model: Int64, name: String) throws {
        guard let entry = try entry(db, model: model, name: name) else { throw ProvisionFailure.notFound("unknown content \(name)") }
        try db.execute(sql: "DELETE FROM content WHERE id = ?", arguments: [entry.id])
        if let blob = entry.blobID { try deleteBlob(db, blob) }
        try db.execute(
            sql: "DELETE FROM sn_group_member WHERE type = 'content' AND member = ? AND group_id IN (SELECT id FROM sn_group WHERE model_id = ?)",
            arguments: [name, model])
    }

    // MARK: Blobs

    static func beginBlob(_ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO content_blob (size) VALUES (0)")
        return db.lastInsertedRowID
    }

    static func appendChunk(_ db: Database, blob: Int64, seq: Int, bytes: [UInt8]) throws {
        try db.execute(sql: "INSERT INTO content_chunk (blob_id, seq, data) VALUES (?, ?, ?)", arguments: [blob, seq, Data(bytes)])
    }

    /// Points the entry at a finished blob.
    /// - Throws: a conflict when another upload gave the entry its bytes in the meantime.
    static func attach(_ db: Database, content: Int64, name: String, blob: Int64, size: Int, contentType: String, now: Int) throws {
        guard try Int64.fetchOne(db, sql: "SELECT blob_id FROM content WHERE id = ?", arguments: [content]) == nil else {
            throw alreadyUploaded(name)
        }
        try db.execute(sql: "UPDATE content_blob SET size = ? WHERE id = ?", arguments: [size, blob])
        try db.execute(
            sql: "UPDATE content SET blob_id = ?, content_type = ?, updated = ? WHERE id = ?", arguments: [blob, contentType, now, content])
    }

    /// The refusal of a second upload to one content entry.
    static func alreadyUploaded(_ name: String) -> ProvisionFailure {
        .conflict("content \(name) already has its bytes: delete it and create it again to upload new ones")
    }

    static func chunk(_ db: Database, blob: Int64, seq: Int) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT data FROM content_chunk WHERE blob_id = ? AND seq = ?", arguments: [blob, seq]).map { Array($0) }
    }

    static func deleteBlob(_ db: Database, _ blob: Int64) throws {
        try db.execute(sql: "DELETE FROM content_blob WHERE id = ?", arguments: [blob])
    }

    /// Drops the blobs of a model's content (the schema's cascade removes the entries, not blobs).
    static func removeBlobs(_ db: Database, model: Int64) throws {
        try db.execute(sql: "DELETE FROM content_blob WHERE id IN (SELECT blob_id FROM content WHERE model_id = ?)", arguments: [model])
    }

    static func removeBlobs(_ db: Database, vendor: String) throws {
        try db.execute(
            sql: """
                DELETE FROM content_blob WHERE id IN
                (SELECT c.blob_id FROM content c JOIN model m ON m.id = c.model_id WHERE m.vendor_name = ?)
                """,
            arguments: [vendor])
    }
}
