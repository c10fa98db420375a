import Foundation

/// Lines of text read a block at a time, so a large file or a long standard input is never held
/// whole in memory. Each line comes without its line break (a trailing carriage return is kept;
/// callers that accept CRLF files drop it).
public final class TextLines {
    private let readBlock: () throws -> [UInt8]?
    private let close: () -> Void
    private var buffer: [UInt8] = []
    private var position = 0
    /// Where the search for the next line break resumes: the bytes before it, back to `position`,
    /// are known to hold none, so each byte is looked at once however many blocks a line spans.
    private var scanned = 0
    private var ended = false

    /// The longest line accepted. Without a cap a file with no line breaks (a binary file, say)
    /// would be held whole in memory.
    public static let maxLineLength = 64 * 1024

    /// Lines from `readBlock`, which answers the next bytes or nil at the end; `close` runs once at the end.
    public init(readBlock: @escaping () throws -> [UInt8]?, close: @escaping () -> Void = {}) {
        self.readBlock = readBlock
        self.close = close
    }

    /// Lines of text already in memory, for tests and short inputs.
    public convenience init(text: String) {
        var remaining: [UInt8]? = Array(text.utf8)
        self.init(readBlock: {
            defer { remaining = nil }
            return remaining
        })
    }

    /// Lines of the file at `path`, read in blocks of `blockSize` bytes.
    public convenience init(file path: String, blockSize: Int = 64 * 1024) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        let descriptor = handle.fileDescriptor
        self.init(readBlock: { try Self.readAvailable(descriptor, blockSize: blockSize) }, close: { try? handle.close() })
    }

    /// Lines of an open file such as standard input, which stays open at the end.
    public convenience init(file handle: FileHandle, blockSize: Int = 64 * 1024) {
        let descriptor = handle.fileDescriptor
        self.init(readBlock: { try Self.readAvailable(descriptor, blockSize: blockSize) })
    }

    /// What one read(2) gives, up to `blockSize` bytes; nil at the end. A pipe or FIFO gives what
    /// has arrived, so lines are handled as they come instead of once a whole block has. While
    /// nothing arrives, the task's cancellation (Ctrl-C) is noticed within a tenth of a second.
    private static func readAvailable(_ descriptor: Int32, blockSize: Int) throws -> [UInt8]? {
        var block = [UInt8](repeating: 0, count: blockSize)
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&waiting, 1, 100) == 0 {
            if Task.isCancelled { throw CancellationError() }
        }
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, blockSize) }
            if count > 0 { return Array(block[..<count]) }
            if count == 0 { return nil }
            guard errno == EINTR else { throw CocoaError(.fileReadUnknown) }
        }
    }

    deinit {
        if !ended { close() }
    }

    /// How many lines `next()` has answered, so callers can name the line a problem is on.
    public private(set) var lineNumber = 0

    /// The next line, or nil after the last one. A line that is not UTF-8 text, or longer than
    /// ``maxLineLength``, is an error.
    public func next() throws -> String? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                defer {
                    position = newline + 1
                    scanned = position
                }
                return try decode(buffer[position..<newline])
            }
            scanned = buffer.count
            if buffer.count - position > Self.maxLineLength { throw TextLinesError(.tooLong(line: lineNumber + 1)) }
            if ended {
                guard position < buffer.count else { return nil }
                defer {
                    position = buffer.count
                    scanned = position
                }
                return try decode(buffer[position...])
            }
            // Keep only the unfinished line before reading more, so the buffer stays about one block long.
            buffer.removeSubrange(0..<position)
            scanned -= position
            position = 0
            let block: [UInt8]?
            do {
                block = try readBlock()
            } catch let stop as CancellationError {
                throw stop
            } catch {
                throw TextLinesError(.unreadable(afterLine: lineNumber))
            }
            if let block {
                buffer += block
            } else {
                ended = true
                close()
            }
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) throws(TextLinesError) -> String {
        lineNumber += 1
        guard bytes.count <= Self.maxLineLength else { throw TextLinesError(.tooLong(line: lineNumber)) }
        guard let line = String(validating: bytes, as: UTF8.self) else { throw TextLinesError(.notUTF8(line: lineNumber)) }
        return line
    }
}

/// Why the next line could not be had: the input failed to read, a line is not UTF-8 text, or a
/// line is longer than `TextLines.maxLineLength`.
public struct TextLinesError: Error, CustomStringConvertible {
    fileprivate enum Kind {
        case unreadable(afterLine: Int)
        case notUTF8(line: Int)
        case tooLong(line: Int)
    }

    fileprivate let kind: Kind

    fileprivate init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .unreadable(let line): line == 0 ? "cannot be read" : "cannot be read after line \(line)"
        case .notUTF8(let line): "line \(line) is not UTF-8 text"
        case .tooLong(let line): "line \(line) is longer than \(TextLines.maxLineLength / 1024) KiB, too long for a TS,VALUE line"
        }
    }
}
