import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's bytes as a sequence of buffers read one at a time, so an upload never holds more
/// than one chunk of the file.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let path: String
    let size: Int
    /// Told how many bytes have been read so far, after each chunk.
    let progress: (@Sendable (Int) -> Void)?
    static let chunkSize = 256 * 1024

    /// Checks that the file can be read and measures it.
    init(path: String, progress: (@Sendable (Int) -> Void)? = nil) throws {
        self.path = path
        self.progress = progress
        var info = stat()
        guard stat(path, &info) == 0 else { throw ProvisionError.file(path, errno: errno, action: "read") }
        size = Int(info.st_size)
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(path: path, progress: progress)
    }

    final class Iterator: AsyncIteratorProtocol {
        private let path: String
        private let progress: (@Sendable (Int) -> Void)?
        private var descriptor: Int32 = -1
        private var finished = false
        private var total = 0

        init(path: String, progress: (@Sendable (Int) -> Void)?) {
            self.path = path
            self.progress = progress
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        func next() async throws -> ByteBuffer? {
            guard !finished else { return nil }
            if descriptor < 0 {
                descriptor = open(path, O_RDONLY)
                guard descriptor >= 0 else { throw ProvisionError.file(path, errno: errno, action: "open") }
            }
            var buffer = ByteBufferAllocator().buffer(capacity: FileChunks.chunkSize)
            let count = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: FileChunks.chunkSize) { pointer in
                let result = read(descriptor, pointer.baseAddress, FileChunks.chunkSize)
                guard result >= 0 else { throw ProvisionError.file(path, errno: errno, action: "read") }
                return result
            }
            guard count > 0 else {
                finished = true
                close(descriptor)
                descriptor = -1
                return nil
            }
            total += count
            progress?(total)
            return buffer
        }
    }
}

/// Writes a download into a file as its buffers arrive.
struct FileSink {
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ProvisionError.file(path, errno: errno, action: "create") }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { pointer in
            guard let base = pointer.baseAddress else { return }
            var offset = 0
            while offset < pointer.count {
                let written = systemWrite(descriptor, base + offset, pointer.count - offset)
                guard written > 0 else { throw ProvisionError.file(path, errno: errno, action: "write") }
                offset += written
            }
        }
    }

    func finish() {
        _ = systemClose(descriptor)
    }
}

// The sink's own method names hide the C functions, so they are reached through these.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
