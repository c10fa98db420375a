import Foundation

/// Where a streamed document goes: a file written through a small buffer, or the shell's
/// standard output, so a large document is written as it is made and never held whole.
final class DocumentSink {
    private let handle: FileHandle?
    private let writeOut: (@Sendable (String) -> Void)?
    private var buffer: [UInt8] = []
    let path: String?
    private(set) var bytes = 0

    static let bufferSize = 64 * 1024

    /// A sink that creates (or truncates) `path`.
    /// - Throws: ``ShellError`` when the file cannot be created.
    init(file path: String) throws(ShellError) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ShellError.file(path, "cannot be created: check the directory exists and may be written")
        }
        self.handle = handle
        self.path = path
        writeOut = nil
    }

    /// A sink that writes to the shell's standard output.
    init(output: @escaping @Sendable (String) -> Void) {
        handle = nil
        path = nil
        writeOut = output
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        bytes += text.utf8.count
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Lets `body` append bytes to the buffer itself, then writes the buffer out if it is full.
    func append(_ body: (inout [UInt8]) -> Void) throws {
        let before = buffer.count
        body(&buffer)
        bytes += buffer.count - before
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        if let handle {
            do {
                try handle.write(contentsOf: buffer)
            } catch {
                throw ShellError.file(path ?? "", "cannot be written: \(error.localizedDescription)")
            }
        } else {
            writeOut?(String(decoding: buffer, as: UTF8.self))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try? handle?.close()
    }
}
