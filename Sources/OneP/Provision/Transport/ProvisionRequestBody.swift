import NIOCore

/// The body of a provisioning request: nothing, bytes in memory, or a file read a chunk at a
/// time while it is sent.
public struct ProvisionRequestBody: Sendable {
    enum Source: Sendable {
        case bytes([UInt8])
        case file(FileChunks)
    }

    let source: Source

    public static let empty = ProvisionRequestBody(source: .bytes([]))

    public static func bytes(_ bytes: [UInt8]) -> ProvisionRequestBody {
        ProvisionRequestBody(source: .bytes(bytes))
    }

    /// A file's bytes, measured now and read as they are sent.
    /// - Parameter progress: told the number of bytes read so far after each chunk.
    /// - Throws: ``ProvisionError`` when the file cannot be read.
    public static func file(_ path: String, progress: (@Sendable (Int) -> Void)? = nil) throws -> ProvisionRequestBody {
        ProvisionRequestBody(source: .file(try FileChunks(path: path, progress: progress)))
    }

    /// How many bytes the body has.
    public var length: Int {
        switch source {
        case .bytes(let bytes): return bytes.count
        case .file(let file): return file.size
        }
    }

    /// The body as chunks of bytes, for transports that do not speak NIO.
    public var chunks: ProvisionBodyChunks {
        ProvisionBodyChunks(source: source)
    }
}

/// A request body's bytes, a chunk at a time.
public struct ProvisionBodyChunks: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    let source: ProvisionRequestBody.Source

    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .bytes(let bytes): return Iterator(pending: bytes.isEmpty ? nil : bytes, file: nil)
        case .file(let file): return Iterator(pending: nil, file: file.makeAsyncIterator())
        }
    }

    public struct Iterator: AsyncIteratorProtocol {
        var pending: [UInt8]?
        let file: FileChunks.Iterator?

        public mutating func next() async throws -> [UInt8]? {
            if let bytes = pending {
                pending = nil
                return bytes
            }
            guard let buffer = try await file?.next() else { return nil }
            return Array(buffer.readableBytesView)
        }
    }
}
