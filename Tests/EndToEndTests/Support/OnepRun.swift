import Foundation

/// What one run of the built `onep` printed and how it ended.
struct OnepResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `onep` with pipes for its standard streams, as a script or another program would.
enum OnepBinary {
    static func executable() throws -> String {
        try BuiltProducts.executable(named: "onep")
    }

    /// Runs onep to completion with `arguments`, feeding it `input` on standard input.
    /// - Parameter directory: the working directory, where relative file arguments are found.
    static func run(_ arguments: [String], input: String = "", in environment: IsolatedEnvironment, directory: String? = nil) throws -> OnepResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.arguments = arguments
        process.environment = environment.variables
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both streams on their own threads so a chatty program never blocks on a full pipe.
        let outText = Collected()
        let errText = Collected()
        let group = DispatchGroup()
        for (pipe, collected) in [(stdout, outText), (stderr, errText)] {
            group.enter()
            DispatchQueue.global().async {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        // A program that exits without reading its input must not fail the test.
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return OnepResult(status: process.terminationStatus, stdout: outText.text, stderr: errText.text)
    }
}

/// Bytes a reader thread collected; guarded by `lock`.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ data: Data) { lock.withLock { self.data = data } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
