public import class Foundation.FileHandle

/// Reads newline-terminated lines from a file descriptor: for pipes, files and dumb terminals.
///
/// No prompt is shown and nothing is echoed, so scripts piped into onep produce only command output.
/// A final line without a newline is still returned; a carriage return before the newline is dropped.
public final class PlainLineReader: LineReader {
    private let fileDescriptor: Int32
    /// Keeps a handle that owns the descriptor open for as long as the reader reads from it.
    private let handle: FileHandle?
    /// Bytes read but not yet returned start at `start`; `scanned` marks where the newline search resumes.
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var reachedEnd = false

    public var completer: (@Sendable (CompletionRequest) -> CompletionResult)?
    public var isInteractive: Bool { false }

    /// Reads from `fileDescriptor` (standard input by default) without taking ownership of it.
    public init(fileDescriptor: Int32 = 0) {
        self.fileDescriptor = fileDescriptor
        self.handle = nil
    }

    /// Reads from `input`, which stays open while the reader exists.
    public init(input: FileHandle) {
        self.fileDescriptor = input.fileDescriptor
        self.handle = input
    }

    public func readLine(prompt: String) -> LineReadResult {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = takeLine(upTo: newline)
                start = newline + 1
                scanned = start
                return .line(line)
            }
            scanned = buffer.count
            if reachedEnd || !fill() {
                reachedEnd = true
                guard start < buffer.count else { return .endOfFile }
                let line = takeLine(upTo: buffer.count)
                start = buffer.count
                scanned = start
                return .line(line)
            }
        }
    }

    /// History belongs to interactive sessions; scripted input is not recorded.
    public func addHistory(_ line: String, savedAs saved: String) {}

    private func takeLine(upTo end: Int) -> String {
        var bytes = buffer[start..<end]
        if bytes.last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends what the descriptor has to offer; false at end of input or on a read error.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { SystemCalls.readAvailable(fileDescriptor, into: $0) } ?? 0
        guard count > 0 else { return false }
        buffer.removeFirst(start)
        scanned -= start
        start = 0
        buffer.append(contentsOf: chunk[..<count])
        return true
    }
}
