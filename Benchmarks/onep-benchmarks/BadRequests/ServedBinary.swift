import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An `onep serve` child process on a free port, and what /proc says about it.
final class ServedBinary {
    let process = Process()
    let port: Int
    let rootCIK: String

    init(binary: String, directory: String, arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0", "--data", directory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("listening on ") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let lines = text.split(separator: "\n")
        guard let listening = lines.first(where: { $0.hasPrefix("listening on ") }), let cik = lines.first(where: { $0.hasPrefix("root cik: ") }),
            let port = Int(listening.split(separator: ":").last ?? "")
        else {
            process.terminate()
            throw BenchmarkFailure("\(binary) serve did not start: \(text)")
        }
        self.port = port
        rootCIK = String(cik.dropFirst("root cik: ".count))
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// The server's resident set, in megabytes.
    var residentMegabytes: Int {
        guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (Int(line.dropFirst(6).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0) / 1024
        }
        return 0
    }

    var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? 0
    }
}
