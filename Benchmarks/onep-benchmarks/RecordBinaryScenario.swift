import Foundation
import OneP

/// `onep --host URL record RES --file big.csv` as its own process against the benchmark's server:
/// the peak resident set of that process (GNU time's %M) set against the peak of `onep --host URL -c
/// pwd`, so the platform's own memory is not counted with the shell's.
struct RecordBinaryScenario {
    let binary: String
    let url: String
    let cik: String
    let directory: String

    func run() async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return "binary record: skipped, no /usr/bin/time" }
        let alias = "record-binary"
        let path = directory + "/\(alias).csv"
        try RecordFileScenario.writeFile(path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let environment = ["HOME": directory, "XDG_CONFIG_HOME": directory + "/binary-config", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        let common = ["--host", url, "--cik", cik]
        let created = try launch(binary, common + ["-c", "create dataport \(alias) --format integer"], environment: environment)
        guard created.status == 0 else { throw BenchmarkFailure("create failed: \(created.stderr)") }
        let idle = try peak(common + ["-c", "pwd"], environment: environment)
        let clock = ContinuousClock()
        let start = clock.now
        let recording = try peak(common + ["record", alias, "--file", path], environment: environment)
        let elapsed = clock.now - start
        let milliseconds = Int((Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15).rounded())
        return "onep --host record --file of 200,000 lines (its own process): \(milliseconds) ms, "
            + "peak resident \(recording / 1024) MB against \(idle / 1024) MB for pwd"
    }

    /// The peak resident set in kilobytes of `onep arguments`, which must succeed.
    private func peak(_ arguments: [String], environment: [String: String]) throws -> Int {
        let result = try launch("/usr/bin/time", ["-f", "peak %M", binary] + arguments, environment: environment)
        guard result.status == 0 else { throw BenchmarkFailure("onep \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        guard let line = result.stderr.split(separator: "\n").last(where: { $0.hasPrefix("peak ") }), let kilobytes = Int(line.dropFirst(5)) else {
            throw BenchmarkFailure("no peak in: \(result.stderr)")
        }
        return kilobytes
    }
}
