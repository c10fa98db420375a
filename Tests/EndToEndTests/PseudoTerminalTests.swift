import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The pseudo-terminal driver, checked against programs whose terminal behaviour is known.
@Suite("Pseudo-terminal driver")
struct PseudoTerminalTests {
    private let environment = ["TERM": "xterm", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]

    @Test func typedTextIsEchoedAndReachesTheProgram() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat", environment: environment)
        try terminal.typeLine("hello 温度")
        try terminal.waitFor("hello 温度")  // the terminal's echo
        try terminal.waitFor("hello 温度")  // cat's copy
        try terminal.type(PseudoTerminal.Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ctrlCInterruptsTheProgram() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat", environment: environment)
        try terminal.typeLine("ready")
        try terminal.waitFor("ready")
        try terminal.waitFor("ready")
        try terminal.type(PseudoTerminal.Key.interrupt)
        #expect(try terminal.waitForExit() == .signaled(SIGINT))
    }

    @Test func backspaceErasesTheLastCharacter() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat", environment: environment)
        try terminal.type("abX" + PseudoTerminal.Key.backspace + "c" + PseudoTerminal.Key.enter)
        try terminal.type(PseudoTerminal.Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(terminal.transcript.hasSuffix("abc\n"))
    }

    @Test func anInteractiveShellRunsCommandsAndReportsItsExitStatus() throws {
        var environment = environment
        environment["PS1"] = "pty$ "
        let terminal = try PseudoTerminal(
            executable: "/bin/bash", arguments: ["--norc", "--noprofile", "-i"], environment: environment)
        try terminal.waitFor("pty$ ")
        try terminal.typeLine("echo $((6 * 7))")
        try terminal.waitFor("42")
        try terminal.waitFor("pty$ ")
        try terminal.typeLine("exit 3")
        #expect(try terminal.waitForExit() == .exited(3))
    }

    @Test func theProgramSeesTheRequestedTerminalSize() throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/stty", arguments: ["size"], environment: environment, columns: 100, rows: 30)
        try terminal.waitFor("30 100")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func waitingForTextThatNeverComesFailsWithTheOutputSeen() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat", environment: environment)
        try terminal.typeLine("something else")
        let error = try #require(throws: PseudoTerminalError.self) {
            try terminal.waitFor("never printed", timeout: .milliseconds(300))
        }
        #expect(error.description.contains("something else"))
    }

    @Test func waitingPastTheProgramsEndFailsAtOnce() throws {
        let terminal = try PseudoTerminal(executable: "/bin/echo", arguments: ["bye"], environment: environment)
        let error = try #require(throws: PseudoTerminalError.self) {
            try terminal.waitFor("never printed", timeout: .seconds(60))
        }
        #expect(error.description.contains("the program ended"))
        #expect(error.description.contains("bye"))
    }

    @Test func aProgramThatCannotStartExitsWithStatus127() throws {
        let terminal = try PseudoTerminal(executable: "/nonexistent/program", environment: environment)
        #expect(try terminal.waitForExit() == .exited(127))
    }

    @Test func theBuiltOnepIsFoundNextToTheTests() throws {
        let path = try BuiltProducts.executable(named: "onep")
        #expect(path.hasSuffix("/onep"))
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func aMissingProductIsReportedWithWhereItWasSought() {
        let error = #expect(throws: PseudoTerminalError.self) {
            try BuiltProducts.executable(named: "no-such-product")
        }
        #expect(error?.description.contains("no built no-such-product") == true)
    }
}

@Suite("Readable terminal output")
struct TerminalTextTests {
    @Test func controlSequencesAreRemoved() {
        let raw = "\u{1B}[1;32monep\u{1B}[0m> \u{1B}]0;title\u{7}ls\r\n\u{1B}(Bdone\u{8}\u{7}"
        #expect(TerminalText.readable(Array(raw.utf8)) == "onep> ls\ndone")
    }

    @Test func utf8TextIsKept() {
        #expect(TerminalText.readable(Array("温度 café\r\n".utf8)) == "温度 café\n")
    }
}
