import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a script's author needs when something goes wrong: where, how much was done, and a server
/// that says why it cannot start before it says anything else.
@Suite("Script errors")
struct ScriptErrorTests {
    typealias Key = PseudoTerminal.Key

    @Test func anErrorInAScriptFileNamesTheFileAndLine() throws {
        let world = try IsolatedEnvironment()
        let script = try world.file(named: "setup.onep", containing: "ls demo\n# a comment\n\ncreate dataport x --format \\\n  decimal\nls\n")
        let result = try OnepBinary.run(["-f", script], in: world)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("\(script):4: error: create: --format 'decimal' is not valid"), "\(result)")
        let sourced = try OnepBinary.run(["-c", "source \(script)"], in: world)
        #expect(sourced.stderr.hasPrefix("\(script):4: error: "), "\(sourced)")
        let piped = try OnepBinary.run([], input: "pwd\nfrobnicate\n", in: world)
        #expect(piped.stderr.hasPrefix("<stdin>:2: error: unknown command 'frobnicate'"), "\(piped)")
    }

    @Test func ctrlCDuringALongRecordSaysHowManyPointsWereStored() throws {
        let world = try IsolatedEnvironment()
        let fifo = world.root + "/points.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let terminal = try PseudoTerminal.onep(in: world)
        try terminal.typeLine("record demo/temperature --file \(fifo)")
        // A writer that sends one full request's worth of points and then stalls, as a slow source would.
        let writer = FileHandle(forWritingAtPath: fifo)
        let lines = (1...5_000).map { "\($0),\($0)" }.joined(separator: "\n") + "\n"
        try writer?.write(contentsOf: Data(lines.utf8))
        try waitUntil {
            try OnepBinary.run(["read", "demo/temperature", "--start", "1", "--end", "5000", "--limit", "5000"], in: world).stdout.split(
                separator: "\n"
            ).count == 5_001
        }
        try terminal.type(Key.interrupt)
        try terminal.waitFor("5000 points were stored")
        try terminal.waitForPrompt("onep:/> ")
        try writer?.close()
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func serveReportsAPortInUseBeforePrintingTheRootCIK() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let port = String(served.url.split(separator: ":").last ?? "")
        let second = try OnepBinary.run(["serve", "--port", port, "--data", world.root + "/other"], in: world)
        #expect(second.status == 1, "\(second)")
        #expect(!second.stdout.contains("root cik"), "\(second)")
        #expect(second.stderr == "onep serve: cannot listen on 127.0.0.1:\(port): the address is already in use\n", "\(second)")
    }

    /// Polls `condition` until it holds; the deadline only bounds a failure.
    private func waitUntil(_ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(30)
        while try !condition() {
            guard Date() < deadline else { throw PseudoTerminalError(.stillRunning(output: "the condition never held")) }
            usleep(100_000)
        }
    }
}
