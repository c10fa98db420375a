import Foundation

/// The built `onep` running in the background while the test acts beside it (as devices do),
/// its output collected until it ends.
final class RunningOnep {
    private let process: Process
    private let group = DispatchGroup()
    private let out = Buffer()
    private let err = Buffer()

    init(_ arguments: [String], in environment: IsolatedEnvironment) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: try OnepBinary.executable())
        process.arguments = arguments
        process.environment = environment.variables
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        for (pipe, buffer) in [(stdout, out), (stderr, err)] {
            group.enter()
            DispatchQueue.global().async { [group] in
                buffer.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
    }

    var isRunning: Bool { process.isRunning }

    /// Waits for the program to end and answers what it printed.
    func finish() -> OnepResult {
        process.waitUntilExit()
        group.wait()
        return OnepResult(status: process.terminationStatus, stdout: out.text, stderr: err.text)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

/// Bytes a reader thread collected; guarded by `lock`.
private final class Buffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ data: Data) { lock.withLock { self.data = data } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
