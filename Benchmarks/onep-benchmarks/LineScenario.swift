import Shell

/// Parsing and completing lines with no platform involved: the time per line of what the shell
/// works out before a command's first request, and of a Tab press.
struct LineScenario {
    static let lines = [
        "read temperature humidity --limit 10 --start -1h --sort asc",
        "create datarule hot --format integer --subscribe temperature --when simple --comparison gt --constant 30",
        "auth 0123456789abcdef0123456789abcdef01234567",
        "provision sn add thermostat 0001 0002 --extra 'room 1'",
        "write temp 21.5; read temp --limit=5",
        "lookup --share=abcdefabcdefabcdefabcdefabcdefabcdefabcd",
        "drop old1 old2 -y",
        "tree / --level 2 --values",
    ]
    static let completions = [
        "read te", "read dev/h", "provision sn list ", "read temp --so", "create dataport x --format ", "tr", "ls ", "read temp --sort=",
    ]
    static let rounds = 2_000

    func run() throws -> [String] {
        let bench = LineWorkbench()
        for line in Self.lines where !bench.prepare(line) { throw BenchmarkFailure("'\(line)' did not parse") }
        let clock = ContinuousClock()
        var parsed = 0
        let parsing = clock.measure {
            for _ in 0..<Self.rounds {
                for line in Self.lines where bench.prepare(line) { parsed += 1 }
            }
        }
        var offered = 0
        let completing = clock.measure {
            for _ in 0..<Self.rounds {
                for text in Self.completions { offered += bench.complete(text) }
            }
        }
        guard parsed == Self.rounds * Self.lines.count, offered > 0 else { throw BenchmarkFailure("parsed \(parsed) lines, offered \(offered)") }
        return [
            Self.line("parse a line (redaction, confirmation, run)", parsing, count: Self.rounds * Self.lines.count),
            Self.line("complete a line", completing, count: Self.rounds * Self.completions.count),
        ]
    }

    private static func line(_ name: String, _ elapsed: Duration, count: Int) -> String {
        let (seconds, attoseconds) = elapsed.components
        let micro = (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(count)
        return "\(name): \(count) in \(Int((Double(seconds) * 1000 + Double(attoseconds) / 1e15).rounded())) ms, "
            + String(format: "%.1f µs per line", micro)
    }
}
