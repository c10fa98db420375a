import Foundation
import OnePFuzz

// `onep-fuzz [--cases N] [--seed S] [--socket-percent P] [--cases-per-world W] [--parallel K] [--framing-percent F]
// [--trace] [--answers]`: fuzzes the
// embedded platform's RPC, provisioning and Data Interface handlers and its HTTP server, and
// prints the seed first so that any failure can be run again with `--seed`.

/// Writes a line at once (unbuffered), so progress shows also when the output goes to a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let position = arguments.firstIndex(of: name), position + 1 < arguments.count else { return nil }
    return arguments[position + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("onep-fuzz: \(message)\n".utf8))
    exit(2)
}

let known: Set<String> = ["--cases", "--seed", "--socket-percent", "--cases-per-world", "--parallel", "--framing-percent", "--trace", "--answers"]
for argument in CommandLine.arguments.dropFirst() where argument.hasPrefix("--") && !known.contains(argument) {
    fail(
        "unknown option \(argument); use --cases N, --seed S, --socket-percent P, --cases-per-world W, --parallel K, --framing-percent F, --trace, --answers"
    )
}
guard let cases = Int(option("--cases") ?? "1000000"), cases > 0 else { fail("--cases takes a positive number") }
guard let seed = option("--seed").map({ UInt64($0) }) ?? UInt64.random(in: 0...UInt64.max) else { fail("--seed takes a number from 0 to 2^64-1") }
guard let socketPercent = Int(option("--socket-percent") ?? "5"), (0...100).contains(socketPercent) else { fail("--socket-percent takes 0 to 100") }
guard let perWorld = Int(option("--cases-per-world") ?? "5000"), perWorld > 0 else { fail("--cases-per-world takes a positive number") }
guard let parallel = Int(option("--parallel") ?? "2"), parallel > 0 else { fail("--parallel takes a positive number of worlds") }
guard let framing = Int(option("--framing-percent") ?? "0"), (0...100).contains(framing) else { fail("--framing-percent takes 0 to 100") }

say("onep-fuzz: seed \(seed), \(cases) cases, \(socketPercent)% over a socket (run again with --seed \(seed))")
let started = Date()
let report: FuzzReport
do {
    let options = FuzzOptions(
        cases: cases, seed: seed, socketPercent: socketPercent, casesPerWorld: perWorld, parallelWorlds: parallel, framingPercent: framing,
        trace: CommandLine.arguments.contains("--trace"))
    report = try await FuzzRun.run(options) { done in
        let rate = Double(done) / Date().timeIntervalSince(started)
        say("  \(done) cases, \(Int(rate)) per second")
    }
} catch {
    fail("could not set up a platform to fuzz: \(error)")
}
if CommandLine.arguments.contains("--answers") { say(report.answerTable) }
for failure in report.failures { say(failure.description) }
say("onep-fuzz: \(report.summary) in \(Int(Date().timeIntervalSince(started))) s")
exit(report.failureCount == 0 ? 0 : 1)
