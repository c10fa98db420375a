import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `onep serve` binary running as a child process, its output read line by line.
///
/// Unchecked because one test drives it at a time; every wait runs off the cooperative threads.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffered: [UInt8] = []

    /// The `onep` executable built next to this test bundle.
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("onep")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/onep")
    }

    /// - Parameter openFileLimit: runs the server under `ulimit -n` of this many descriptors.
    init(_ arguments: [String], environment: [String: String] = [:], openFileLimit: Int? = nil) throws {
        if let openFileLimit {
            // The shell execs the server, so the child's process id is the server's.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(openFileLimit) && exec \"$0\" \"$@\"", Self.executable.path, "serve"] + arguments
        } else {
            process.executableURL = Self.executable
            process.arguments = ["serve"] + arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Reads `count` lines of standard output, waiting at most `seconds` in all.
    func lines(_ count: Int, within seconds: Double = 20) async throws -> [String] {
        try await offThread { self.readLines(count, within: seconds) }
    }

    private func readLines(_ count: Int, within seconds: Double) -> [String] {
        var lines: [String] = []
        let deadline = Date().addingTimeInterval(seconds)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while lines.count < count, Date() < deadline {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: buffered[..<newline], as: UTF8.self))
                buffered.removeSubrange(...newline)
                continue
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let read = Glibc.read(descriptor, &chunk, chunk.count)
            if read <= 0 { break }
            buffered += chunk[0..<read]
        }
        return lines
    }

    /// Everything written on standard error, once the process has ended.
    func errorText() async throws -> String {
        try await offThread { String(decoding: self.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    }

    /// Sends SIGTERM and answers the exit status.
    func stop() async throws -> Int32 {
        if process.isRunning { process.terminate() }
        return try await exitStatus()
    }

    /// Waits for the process to end by itself and answers the exit status.
    func exitStatus() async throws -> Int32 {
        try await offThread {
            self.process.waitUntilExit()
            return self.process.terminationStatus
        }
    }
}
