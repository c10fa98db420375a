import Foundation
import Testing

/// `CMD > FILE`, `CMD >> FILE` and `CMD | SHELL-COMMAND` at the end of a line, for every command.
@Suite struct RedirectionTests {
    @Test func outputGoesToAFileAndAppendsWithTwoArrows() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature", "create dataport humidity")
        let file = shell.file("names.txt")
        let written = await shell.run("ls > \(file)")
        #expect(written.status == 0)
        #expect(written.out == "")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "humidity\ntemperature\n")
        _ = await shell.run("pwd >> \(file)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("humidity\ntemperature\n/  "))
        _ = await shell.run("ls humidity>\(file)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "humidity\n")
    }

    @Test func outputGoesThroughAShellCommand() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature", "create dataport humidity")
        let file = shell.file("upper.txt")
        let piped = await shell.run("ls | tr a-z A-Z > \(file)")
        #expect(piped.status == 0)
        #expect(piped.out == "")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "HUMIDITY\nTEMPERATURE\n")
    }

    @Test func quotedArrowsAndBarsStayArguments() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport status --format string", "write status '>'")
        #expect(await shell.run("read status").out.hasSuffix("  >\n"))
        try await shell.setUp("write status \"a|b\"")
        #expect(await shell.run("read status").out.hasSuffix("  a|b\n"))
    }

    @Test func errorsStillGoToStandardErrorAndAFailingRedirectionRunsNothing() async throws {
        let shell = try ShellFixture()
        let file = shell.file("err.txt")
        let failed = await shell.run("read nosuch > \(file)")
        #expect(failed.status == 1)
        #expect(failed.err.contains("not found"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "")
        let nowhere = await shell.run("create dataport x > /no/such/dir/out.txt")
        #expect(nowhere.status == 1)
        #expect(nowhere.err.contains("/no/such/dir/out.txt"))
        #expect(await shell.run("ls").out == "")
        let missing = await shell.run("ls >")
        #expect(missing.status == 2)
    }

    @Test func eachCommandOfALineHasItsOwnRedirection() async throws {
        let shell = try ShellFixture()
        let first = shell.file("first.txt")
        let result = await shell.run("pwd > \(first); set format json; pwd")
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: first, encoding: .utf8).hasPrefix("/  "))
        #expect(result.out.hasPrefix("[{\"path\":\"/\""), "\(result.out)")
    }
}
