import GRDB

/// The bytes of a content download, read from the database one chunk at a time as they are sent.
public struct ProvisionBodyStream: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    let reader: any DatabaseReader
    let blob: Int64
    let range: Range<Int>

    public func makeAsyncIterator() -> Iterator {
        Iterator(reader: reader, chunks: ChunkReader(blob: blob, range: range))
    }

    public struct Iterator: AsyncIteratorProtocol {
        let reader: any DatabaseReader
        var chunks: ChunkReader

        public mutating func next() async throws -> [UInt8]? {
            let current = chunks
            let (piece, advanced) = try await reader.read { db in
                var copy = current
                let piece = try copy.next(in: db)
                return (piece, copy)
            }
            chunks = advanced
            return piece
        }
    }

    /// Walks the chunks that cover a byte range, yielding the covered part of each.
    struct ChunkReader: Sendable {
        let blob: Int64
        let range: Range<Int>
        private var position: Int

        init(blob: Int64, range: Range<Int>) {
            self.blob = blob
            self.range = range
            position = range.lowerBound
        }

        mutating func next(in db: Database) throws -> [UInt8]? {
            guard position < range.upperBound else { return nil }
            let size = ContentStore.chunkSize
            let seq = position / size
            guard let chunk = try ContentStore.chunk(db, blob: blob, seq: seq) else {
                throw ProvisionFailure.notFound("the content changed while it was being read")
            }
            let start = position - seq * size
            let end = Swift.min(chunk.count, range.upperBound - seq * size)
            guard start < end else { throw ProvisionFailure.notFound("the content changed while it was being read") }
            position += end - start
            return Array(chunk[start..<end])
        }
    }
}
