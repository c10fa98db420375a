import Foundation
import Testing

@testable import Shell

@Suite struct RecordingTests {
    @Test func recordsAReplayableScriptWithoutSecrets() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "cd dev")
        let file = shell.file("setup.onep")
        try await shell.setUp("session record start \(file)", "auth \(shell.rootCIK)", "create dataport temperature", "write temperature 21")
        _ = await shell.run("read nothing")
        try await shell.setUp("session record stop", "ls")
        let script = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!script.contains(shell.rootCIK))
        #expect(script.hasPrefix("# onep session recorded from local, authenticated as a CIK, starting at /dev\n"))
        #expect(script.hasSuffix("cd /dev\nauth ${ONEP_CIK}\ncreate dataport temperature\nwrite temperature 21\n# failed: read nothing\n"))
        // A replay shows and reads times as the recording did, wherever it runs.
        #expect(script.contains("\nset timeformat unix\nset tz UTC\ncd /dev\n"))

        // The replay runs on another platform, whose CIK stands in for the variable; 'auth' went
        // back to the root, so that is where the dataport was made.
        let replay = try ShellFixture()
        try await replay.setUp("create client dev")
        let status = await replay.runner.runScript(source: script.replacingAll(occurrencesOf: "${ONEP_CIK}", with: replay.rootCIK))
        #expect(status == 0)
        #expect(await replay.run("read temperature").out.contains("21"))
    }

    @Test func recordTimeSeriesStillWorks() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport start", "record start 1700000000,5")
        #expect(await shell.run("read start").out.contains("5"))
    }

    @Test func unwritableRecordFileIsOneLineError() async throws {
        let shell = try ShellFixture()
        let result = await shell.run("session record start /nonexistent-dir/x.onep")
        #expect(result.status == 1)
        #expect(result.err == "error: /nonexistent-dir/x.onep cannot be written: check the directory exists and is writable\n")
        #expect(await shell.run("session record stop").err == "error: session record stop: nothing is being recorded\n")
        await #expect(throws: ShellError.self) { try await shell.runner.startRecording(to: "/nonexistent-dir/y.t") }
    }
}
