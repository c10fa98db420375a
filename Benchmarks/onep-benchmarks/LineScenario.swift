import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        var parsed = 0
        let parsing = Self.measure {
            for _ in 0..<Self.rounds {
                for line in Self.lines where bench.prepare(line) { parsed += 1 }
            }
        }
        var offered = 0
        let completing = Self.measure {
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

    /// Wall time, and the CPU time of this thread, which a busy machine does not inflate.
    private static func measure(_ body: () -> Void) -> (wall: Duration, cpu: Duration) {
        let clock = ContinuousClock()
        let cpuBefore = threadCPUTime()
        let wall = clock.measure(body)
        return (wall, threadCPUTime() - cpuBefore)
    }

    private static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private static func line(_ name: String, _ elapsed: (wall: Duration, cpu: Duration), count: Int) -> String {
        func micro(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(count)
        }
        return "\(name): \(count) lines, " + String(format: "%.1f µs per line (%.1f µs of CPU)", micro(elapsed.wall), micro(elapsed.cpu))
    }
}
