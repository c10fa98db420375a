import GRDB

/// Stores an uploaded blob as it arrives: full chunks are written a few at a time, so memory
/// holds at most a handful of chunks whatever the blob's size.
///
/// A content entry takes one upload: once it has bytes, another upload is a conflict (the vendor
/// deletes and recreates the entry to change them). The blob is attached to the entry only when
/// every byte has been stored; an upload that fails halfway removes what it wrote and leaves the
/// entry as it was.
struct ContentUpload {
    let database: any DatabaseWriter
    let clock: any PlatformClock

    /// How many chunks are gathered before they are written in one transaction.
    private static let chunksPerWrite = 4

    func run<Chunks: AsyncSequence>(_ request: ProvisionRequest, model name: String, id: String, chunks: Chunks) async throws
        -> ProvisionResponse
    where Chunks.Element == [UInt8] {
        let now = clock.currentSecond
        let reader: any DatabaseReader = database
        let (contentID, blob) = try await database.write { db -> (Int64, Int64) in
            let context = ProvisionContext(
                request: ProvisionRequest(method: "POST", path: request.path, headers: request.headers), db: db, now: now, reader: reader)
            let access = try context.model(name)
            try access.requireOwner()
            guard let entry = try ContentStore.entry(db, model: access.model.id, name: id) else {
                throw ProvisionFailure.notFound("unknown content \(id)")
            }
            guard entry.blobID == nil else { throw ContentStore.alreadyUploaded(id) }
            return (entry.id, try ContentStore.beginBlob(db))
        }
        do {
            let size = try await store(request.body, chunks, into: blob)
            let contentType = request.header("Content-Type").map(\.trimmingBlanks).flatMap { $0.isEmpty ? nil : $0 } ?? "application/octet-stream"
            let finished = clock.currentSecond
            try await database.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM content WHERE id = ?", arguments: [contentID]) == true else {
                    throw ProvisionFailure.notFound("content \(id) was deleted during the upload")
                }
                try ContentStore.attach(db, content: contentID, name: id, blob: blob, size: size, contentType: contentType, now: finished)
            }
            return .reset
        } catch {
            try? await database.write { db in try ContentStore.deleteBlob(db, blob) }
            throw error
        }
    }

    /// Writes the bytes into numbered chunks and returns how many bytes there were.
    private func store<Chunks: AsyncSequence>(_ first: [UInt8], _ chunks: Chunks, into blob: Int64) async throws -> Int
    where Chunks.Element == [UInt8] {
        let chunkSize = ContentStore.chunkSize
        var pending = first
        var seq = 0
        var size = first.count
        for try await piece in chunks {
            pending += piece
            size += piece.count
            if pending.count >= chunkSize * Self.chunksPerWrite {
                let full = pending.count / chunkSize * chunkSize
                seq = try await write(pending[0..<full], from: seq, into: blob)
                pending.removeFirst(full)
            }
        }
        _ = try await write(pending[...], from: seq, into: blob)
        return size
    }

    /// Writes `bytes` as consecutive chunks starting at `seq`; returns the next free number.
    private func write(_ bytes: ArraySlice<UInt8>, from seq: Int, into blob: Int64) async throws -> Int {
        guard !bytes.isEmpty else { return seq }
        let chunkSize = ContentStore.chunkSize
        return try await database.write { db in
            var next = seq
            var start = bytes.startIndex
            while start < bytes.endIndex {
                let end = min(start + chunkSize, bytes.endIndex)
                try ContentStore.appendChunk(db, blob: blob, seq: next, bytes: Array(bytes[start..<end]))
                next += 1
                start = end
            }
            return next
        }
    }
}
