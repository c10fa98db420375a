import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A running `onep serve` child and what its start lines said.
struct StartedServe {
    let process: ServeProcess
    let rootCIK: String
    let vendorToken: String
    /// The address from `listening on ...`, e.g. `http://127.0.0.1:41234`.
    let url: String

    var port: Int { Int(url.split(separator: ":").last ?? "") ?? 0 }
    var pid: Int32 { process.process.processIdentifier }

    /// Starts `onep serve --port 0 --data DIRECTORY ARGUMENTS...` and reads its start lines.
    static func start(
        directory: URL, _ arguments: [String] = [], openFileLimit: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> StartedServe {
        let process = try ServeProcess(["--port", "0", "--data", directory.path] + arguments, openFileLimit: openFileLimit)
        var lines = try await process.lines(4)
        // A note about a lowered connection limit may come on standard error; standard output has four lines.
        lines = lines.filter { !$0.hasPrefix("onep serve:") }
        guard lines.count == 4, let listening = lines.last, listening.hasPrefix("listening on ") else {
            _ = try? await process.stop()
            Issue.record("onep serve did not start: \(lines)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return StartedServe(
            process: process, rootCIK: String(lines[0].dropFirst("root cik: ".count)),
            vendorToken: String(lines[2].dropFirst("vendor token: ".count)), url: String(listening.dropFirst("listening on ".count)))
    }

    /// CPU seconds (user and system) the server has used so far, from /proc.
    var cpuSeconds: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Sends SIGKILL: no shutdown of any kind.
    func kill() async throws {
        Glibc.kill(pid, SIGKILL)
        _ = try await process.exitStatus()
    }
}
