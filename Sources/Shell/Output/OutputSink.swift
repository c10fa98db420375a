import Foundation
import Synchronization

/// Where the shell writes: standard output for results, standard error for messages.
/// Injected so tests capture what a person would see.
public struct OutputSink: Sendable {
    public let writeOut: @Sendable (String) -> Void
    public let writeErr: @Sendable (String) -> Void
    /// True when standard output is a terminal, which allows color and confirmation prompts.
    public let isTerminal: Bool

    public init(isTerminal: Bool = false, writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.writeOut = writeOut
        self.writeErr = writeErr
    }

    /// The process's standard output and error.
    public static func standard(isTerminal: Bool) -> OutputSink {
        OutputSink(
            isTerminal: isTerminal,
            writeOut: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeErr: { text in FileHandle.standardError.write(Data(text.utf8)) }
        )
    }

    /// A sink that drops everything, for runs whose output is examined another way (`--check`).
    public static let quiet = OutputSink(writeOut: { _ in }, writeErr: { _ in })

    /// A sink that keeps everything in `buffer`.
    public static func capturing(_ buffer: OutputBuffer) -> OutputSink {
        OutputSink(writeOut: { buffer.append(out: $0) }, writeErr: { buffer.append(err: $0) })
    }
}

/// Collected output, for tests and for embedding the shell.
public final class OutputBuffer: Sendable {
    private let streams = Mutex((out: "", err: ""))

    public init() {}

    public var stdout: String { streams.withLock { $0.out } }
    public var stderr: String { streams.withLock { $0.err } }

    func append(out text: String) { streams.withLock { $0.out += text } }
    func append(err text: String) { streams.withLock { $0.err += text } }

    /// Returns what was written since the last call and forgets it.
    public func take() -> (stdout: String, stderr: String) {
        streams.withLock { streams in
            defer { streams = ("", "") }
            return (streams.out, streams.err)
        }
    }
}
