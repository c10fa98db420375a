import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long the release `onep` binary takes from exec to exit on an embedded data directory that
/// already exists: `onep -c pwd` (open the platform, run one command) and `onep __complete -- re`
/// (what a completion script asks on every Tab). It also runs `pwd` once under strace to count the
/// network connections the start makes, which the embedded mode must not make.
struct StartupScenario {
    let binary: String
    let directory: String
    static let runs = 21

    /// The `onep` next to this benchmark executable, if it was built.
    static func findBinary() -> String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = (executable as NSString).deletingLastPathComponent + "/onep"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    func run() throws -> [String] {
        let home = directory + "/startup-home"
        for sub in ["", "/config", "/state", "/data", "/cache"] {
            try FileManager.default.createDirectory(atPath: home + sub, withIntermediateDirectories: true)
        }
        let environment = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data",
            "XDG_CACHE_HOME": home + "/cache", "ONEP_DATA": home + "/data/onep", "NO_COLOR": "1", "PATH": "/usr/bin:/bin",
        ]
        // The first start creates and seeds the data directory; the measured ones find it there.
        _ = try launch(binary, ["-c", "pwd"], environment: environment)
        let timed = try launch(binary, ["-c", "set timing on", "-c", "pwd"], environment: environment)
        let requests = timed.stderr.range(of: "requests: ").map { Int(timed.stderr[$0.upperBound...].prefix { $0.isNumber }) ?? -1 } ?? -1
        var lines: [String] = []
        lines.append(try measure("onep -c pwd", ["-c", "pwd"], environment: environment) + ", \(requests) in-process requests")
        lines.append(try measure("onep __complete -- re", ["__complete", "--", "re"], environment: environment))
        lines.append("startup network connections (strace, onep -c pwd): \(try connections(environment: environment))")
        return lines
    }

    private func measure(_ name: String, _ arguments: [String], environment: [String: String]) throws -> String {
        var times: [Double] = []
        for _ in 0..<Self.runs {
            let result = try launch(binary, arguments, environment: environment)
            guard result.status == 0 else { throw BenchmarkFailure("\(name) exited \(result.status): \(result.stderr)") }
            times.append(result.milliseconds)
        }
        times.sort()
        return "startup \(name): median \(Self.format(times[times.count / 2])) ms, max \(Self.format(times.last ?? 0)) ms over \(Self.runs) runs"
    }

    /// Internet connections (not local sockets) the start attempts, from strace's record of connect(2).
    private func connections(environment: [String: String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return "not measured (no strace)" }
        let log = directory + "/startup-strace.txt"
        let result = try launch("/usr/bin/strace", ["-f", "-e", "trace=connect", "-o", log, binary, "-c", "pwd"], environment: environment)
        guard result.status == 0, let text = try? String(contentsOfFile: log, encoding: .utf8) else { return "not measured (strace failed)" }
        let inet = text.split(separator: "\n").filter { $0.contains("connect(") && ($0.contains("AF_INET") || $0.contains("AF_INET6")) }
        return String(inet.count)
    }

    private static func format(_ milliseconds: Double) -> String {
        String(format: "%.1f", milliseconds)
    }
}

/// One finished child process.
struct LaunchResult {
    let status: Int32
    let stderr: String
    let milliseconds: Double
}

/// Runs `path` with `arguments` to its end, its output discarded except standard error.
func launch(_ path: String, _ arguments: [String], environment: [String: String]) throws -> LaunchResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let (whole, fraction) = (clock.now - start).components
    return LaunchResult(
        status: process.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self),
        milliseconds: Double(whole) * 1000 + Double(fraction) / 1e15)
}

/// A benchmark that could not do what it measures.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
