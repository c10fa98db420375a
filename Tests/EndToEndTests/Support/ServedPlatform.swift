import Foundation

/// A real `onep serve --port 0` for the duration of a test, with what it printed at start.
final class ServedPlatform {
    let url: String
    let rootCIK: String
    /// The vendor the platform made for itself, and its token.
    let vendor: String
    let vendorToken: String
    private let process: Process

    /// Starts the server on a free port in its own data directory and waits until it listens.
    /// - Parameter arguments: more options for `onep serve`, e.g. `--tls-cert` and `--tls-key`.
    init(in environment: IsolatedEnvironment, arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try OnepBinary.executable())
        process.arguments = ["serve", "--port", "0", "--data", environment.root + "/served"] + arguments
        process.environment = environment.variables
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let lines = try Self.readLines(from: output.fileHandleForReading, until: "listening on ")
        guard let listening = lines.first(where: { $0.hasPrefix("listening on ") }),
            let cik = lines.first(where: { $0.hasPrefix("root cik: ") })
        else {
            process.terminate()
            throw ServedPlatformError(output: lines.joined(separator: "\n"))
        }
        url = String(listening.dropFirst("listening on ".count))
        rootCIK = String(cik.dropFirst("root cik: ".count))
        vendor = lines.first { $0.hasPrefix("vendor: ") }.map { String($0.dropFirst("vendor: ".count)) } ?? ""
        vendorToken = lines.first { $0.hasPrefix("vendor token: ") }.map { String($0.dropFirst("vendor token: ".count)) } ?? ""
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// Reads lines until one starts with `marker` or the output ends; a deadline bounds a failure.
    private static func readLines(from handle: FileHandle, until marker: String) throws -> [String] {
        var buffer = Data()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init)
            if lines.contains(where: { $0.hasPrefix(marker) }) { return lines }
        }
        return String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

struct ServedPlatformError: Error, CustomStringConvertible {
    let output: String
    var description: String { "onep serve did not start listening; it printed:\n\(output)" }
}
