import Foundation
import LineEditor
import Testing
import TestSupport

@testable import Shell

@Suite struct HistoryTests {
    let cik = "0123456789abcdef0123456789abcdef01234567"
    let redactor = HistoryRedactor(commands: CommandTable.all, environment: [:])

    @Test func secretArgumentsBecomeRedacted() {
        #expect(redactor.redact("auth \(cik)") == "auth <redacted>")
        #expect(redactor.redact("keys add dev \(cik); ls") == "keys add dev <redacted>; ls")
        #expect(redactor.redact("auth token tok") == "auth token <redacted>")
        #expect(redactor.redact("lookup --share=code-1") == "lookup --share=<redacted>")
        #expect(redactor.redact("lookup --share code-1") == "lookup --share <redacted>")
        #expect(redactor.redact("auth mykey") == "auth mykey")
        #expect(redactor.redact("auth ${ONEP_CIK}") == "auth ${ONEP_CIK}")
    }

    @Test func keysOutsideRIDPositionsAreMasked() {
        #expect(redactor.redact("read \(cik)") == "read \(cik)")
        #expect(redactor.redact("auth mykey --client \(cik)") == "auth mykey --client \(cik)")
        #expect(redactor.redact("write temp \(cik)") == "write temp <redacted>")
        #expect(redactor.redact("rpc info '[\"x\", \"\(cik)\"]'") == "rpc info '[\"x\", \"<redacted>\"]'")
        #expect(redactor.redact("frobnicate \(cik)") == "frobnicate <redacted>")
        #expect(redactor.redact("auth '\(cik)") == "auth '<redacted>")
    }

    @Test func keysInsideLongerWordsAreMaskedWhateverSurroundsThem() {
        #expect(redactor.redact("auth \(cik)#c") == "auth <redacted>#c")
        #expect(redactor.redact("auth \(cik)\u{A0}") == "auth <redacted>\u{A0}")
        #expect(redactor.redact("auth 0x\(cik)") == "auth 0x<redacted>")
        #expect(redactor.redact("auth 0\(cik)") == "auth <redacted>")
        #expect(redactor.redact("keys add dev x\(cik)") == "keys add dev <redacted>")
        #expect(redactor.referencingVariables("auth 0x\(cik)") == "auth 0x${ONEP_CIK}")
        #expect(redactor.redact("auth mykey") == "auth mykey")
    }

    @Test func recordingsReferToVariables() {
        #expect(redactor.referencingVariables("auth \(cik)") == "auth ${ONEP_CIK}")
        #expect(redactor.referencingVariables("auth token \(cik)") == "auth token ${ONEP_TOKEN}")
        #expect(redactor.referencingVariables("keys add dev \(cik)") == "keys add dev ${ONEP_CIK}")
        #expect(redactor.referencingVariables("read \(cik) --limit 2") == "read \(cik) --limit 2")
    }

    @Test func sessionKeepsNeitherCIKNorTokenAndSkipsSpacedLines() async throws {
        let shell = try ShellFixture()
        let token = shell.platform.bootstrap.vendorToken
        let reader = ScriptedLineReader(
            lines: ["auth \(shell.rootCIK)", "auth token \(token)", "write x \(shell.rootCIK)", " ls", "pwd"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        let kept = reader.history.joined(separator: "\n")
        #expect(!kept.contains(shell.rootCIK))
        #expect(!kept.contains(token))
        #expect(reader.history == ["auth <redacted>", "auth token <redacted>", "write x <redacted>", "pwd"])
    }

    @Test func recallKeepsTheRealLineWhileTheFileKeepsItMasked() async throws {
        let shell = try ShellFixture()
        let reader = ScriptedLineReader(lines: ["auth \(shell.rootCIK)", "lookup --share 0123", "pwd"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        #expect(reader.recall == ["auth \(shell.rootCIK)", "lookup --share 0123", "pwd"])
        #expect(reader.history == ["auth <redacted>", "lookup --share <redacted>", "pwd"])
    }

    @Test func historyClearForgetsLinesAndEmptiesTheFile() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("history")
        try "_HiStOrY_V2_\nls\n".write(toFile: file, atomically: true, encoding: .utf8)
        let shell = try ShellFixture { $0.historyFile = file }
        _ = await shell.runner.runScript(lines: ["pwd", "history -c", "history"])
        #expect(shell.buffer.stdout.hasSuffix("1  history\n"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "")
    }

    @Test func historyListsTheFileThenThisSession() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("history")
        try "_HiStOrY_V2_\nls\\040-l\ncd\\040demo\n".write(toFile: file, atomically: true, encoding: .utf8)
        let shell = try ShellFixture { $0.historyFile = file }
        let reader = ScriptedLineReader(lines: ["pwd", "history"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        #expect(shell.buffer.stdout.hasSuffix("1  ls -l\n2  cd demo\n3  pwd\n4  history\n"), "\(shell.buffer.stdout)")
    }

    @Test func historyClearAlsoEmptiesTheEditorsRecall() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("history")
        try "_HiStOrY_V2_\nls\n".write(toFile: file, atomically: true, encoding: .utf8)
        let shell = try ShellFixture { $0.historyFile = file }
        let reader = ScriptedLineReader(lines: ["pwd", "history -c", "whoami", "history"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        #expect(reader.history == ["whoami", "history"])
        #expect(shell.buffer.stdout.hasSuffix("1  whoami\n2  history\n"), "\(shell.buffer.stdout)")
    }
}
