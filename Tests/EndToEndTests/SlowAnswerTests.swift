import Foundation
import Testing

/// A platform that accepts and never answers: `set timeout` bounds the wait, and at a terminal a
/// spinner says the shell is waiting (issue 13 item 5).
@Suite("Slow answers")
struct SlowAnswerTests {
    typealias Key = PseudoTerminal.Key
    private let someCIK = String(repeating: "1", count: 40)

    @Test func setTimeoutBoundsTheWaitAndTheShellGoesOn() throws {
        let world = try IsolatedEnvironment()
        let server = try CannedServer(answer: nil)
        defer { server.stop() }
        let started = ContinuousClock.now
        let result = try OnepBinary.run(
            ["--host", server.url, "--cik", someCIK, "--continue-on-error", "-c", "set timeout 1", "-c", "ls", "-c", "set timeout"], in: world)
        let elapsed = ContinuousClock.now - started
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains("no answer from \(server.url) after 1 s"), "\(result)")
        #expect(result.stderr.contains("set timeout"), "\(result)")
        // The shell went on to the next command, which shows the setting.
        #expect(result.stdout.contains("timeout"), "\(result)")
        #expect(result.stdout.contains("1"), "\(result)")
        // The default would be 30 s; one second plus start-up, on a loaded machine.
        #expect(elapsed < .seconds(20), "\(elapsed)")
        #expect(!result.stderr.contains("waiting for the platform"), "no spinner in a pipe: \(result)")
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\r"), "no terminal control in a pipe: \(result)")
    }

    @Test func badTimeoutsAreOneLine() throws {
        let world = try IsolatedEnvironment()
        for value in ["0", "-3", "abc", "90000", "nan"] {
            let result = try OnepBinary.run(["-c", "set timeout \(value)"], in: world)
            #expect(result.status == 2, "\(value): \(result)")
            #expect(result.stderr.contains("set: timeout '\(value)' is not valid: give seconds above 0"), "\(value): \(result)")
            #expect(result.stderrLines.count == 1, "\(value): \(result)")
        }
        let saved = try OnepBinary.run(["-c", "set --save timeout 12.5"], in: world)
        #expect(saved.status == 0, "\(saved)")
        let shown = try OnepBinary.run(["-c", "set timeout"], in: world)
        #expect(shown.stdout.contains("12.5"), "\(shown)")
        // The command line's --timeout wins over the saved setting.
        let flag = try OnepBinary.run(["--timeout", "4", "-c", "set timeout"], in: world)
        #expect(flag.stdout.contains("4"), "\(flag)")
        #expect(!flag.stdout.contains("12.5"), "\(flag)")
    }

    private func terminal(in world: IsolatedEnvironment) throws -> PseudoTerminal {
        return try PseudoTerminal.onep(in: world, variables: ["LANG": "C.UTF-8"], rows: 24)
    }

    @Test func aSpinnerShowsAfterASecondAndIsGoneBeforeTheError() throws {
        let world = try IsolatedEnvironment()
        let server = try CannedServer(answer: nil)
        defer { server.stop() }
        let terminal = try terminal(in: world)
        try terminal.typeLine("set timeout 3")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("connect \(server.url)")
        try terminal.waitFor("waiting for the platform", timeout: .seconds(10))
        try terminal.waitFor("no answer from \(server.url) after 3 s", timeout: .seconds(15))
        try terminal.waitForPrompt("onep:/> ")
        let raw = terminal.rawOutput
        // The last frame is erased before the error is printed.
        let lastFrame = try #require(raw.range(of: "waiting for the platform", options: .backwards))
        let error = try #require(raw.range(of: "error: no answer"))
        #expect(lastFrame.upperBound < error.lowerBound)
        #expect(raw[lastFrame.upperBound..<error.lowerBound].contains("\r\u{1B}[K"), "\(raw[lastFrame.upperBound...].debugDescription)")
        // The shell stays on the embedded platform and answers at once: no spinner for quick answers.
        try terminal.typeLine("ls demo")
        try terminal.waitFor("temperature")
        try terminal.waitForPrompt("onep:/> ")
        #expect(!terminal.rawOutput[error.upperBound...].contains("waiting for the platform"))
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ctrlCStopsTheSpinner() throws {
        let world = try IsolatedEnvironment()
        let server = try CannedServer(answer: nil)
        defer { server.stop() }
        let terminal = try terminal(in: world)
        try terminal.typeLine("connect \(server.url)")
        try terminal.waitFor("waiting for the platform", timeout: .seconds(10))
        try terminal.type(Key.interrupt)
        try terminal.waitFor("interrupted")
        try terminal.waitForPrompt("onep:/> ")
        // Stopped before any answer: nothing showed a platform was there, so the shell did not move.
        #expect(!terminal.transcript.contains("connected to"), "\(terminal.transcript)")
        let stopped = terminal.rawOutput.count
        // Two seconds later nothing has been drawn since the prompt.
        try terminal.typeLine("pwd")
        try terminal.waitForPrompt("onep:/> ")
        Thread.sleep(forTimeInterval: 2)
        try terminal.typeLine("pwd")
        try terminal.waitForPrompt("onep:/> ")
        let after = String(terminal.rawOutput.dropFirst(stopped))
        #expect(!after.contains("waiting for the platform"), "\(after.debugDescription)")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }
}
