import Foundation
import Testing

/// `data write` and `data read`: the device's side of the wire, through the HTTP Data Interface.
@Suite struct DataCommandTests {
    /// A device client with two aliased dataports, and its CIK.
    static func device(_ shell: ShellFixture) async throws -> String {
        try await shell.setUp(
            "create client dev", "create dataport dev/temp --alias temp --format float",
            "create dataport dev/note --alias note --format string")
        let info = await shell.run("info dev --include key").out
        return try #require(info.split(whereSeparator: { !$0.isHexDigit }).first { $0.count == 40 }.map(String.init))
    }

    @Test func writeReadAndHybridWithADeviceCIK() async throws {
        let shell = try ShellFixture()
        let cik = try await Self.device(shell)
        let written = await shell.run("data write temp=21.5 'note=hello world&more' --device-cik \(cik)")
        #expect(written.out == "wrote 2 values\n", "\(written)")
        #expect(await shell.run("read dev/note").out.hasSuffix("hello world&more\n"))
        let both = await shell.run("data read temp note --device-cik \(cik)")
        #expect(both.out == "note  hello world&more\ntemp  21.5\n", "\(both)")
        let hybrid = await shell.run("data write temp=3 --read temp --device-cik \(cik)")
        #expect(hybrid.out == "temp  3.0\n", "\(hybrid)")
        try await shell.setUp("keys add devkey \(cik)", "set format json")
        let document = await shell.run("data read temp --device-cik devkey").out
        #expect(document.contains("3.0"), "\(document)")
    }

    @Test func theSessionCIKIsTheDefault() async throws {
        let shell = try ShellFixture()
        let cik = try await Self.device(shell)
        try await shell.setUp("auth \(cik)", "data write temp=7")
        #expect(await shell.run("data read temp").out == "temp  7.0\n")
    }

    @Test func waitWithNothingNewExitsOne() async throws {
        let shell = try ShellFixture()
        let cik = try await Self.device(shell)
        let waiting = Task { await shell.run("data read temp --wait 5 --device-cik \(cik)") }
        try await Task.sleep(for: .milliseconds(200))
        shell.clock.advance(by: 6)
        let result = await waiting.value
        #expect(result.status == 1, "\(result)")
        #expect(result.err == "data read: no new point within 5 s\n")
    }

    @Test func badInputIsOneLine() async throws {
        let shell = try ShellFixture()
        let cik = try await Self.device(shell)
        let cases = [
            "data write temp --device-cik \(cik)", "data read temp --wait 0 --device-cik \(cik)",
            "data read temp note --wait 5 --device-cik \(cik)", "data read temp --since 5 --device-cik \(cik)",
            "data read temp --device-cik \(String(repeating: "0", count: 40))",
        ]
        for line in cases {
            let result = await shell.run(line)
            #expect(result.status != 0, "\(line)")
            #expect(result.err.hasPrefix("error: "), "\(line): \(result.err)")
        }
        #expect(await shell.run("data read temp --device-cik \(String(repeating: "0", count: 40))").err.contains("401"))
    }
}
