import Foundation
import Testing

/// exoline's key shortcuts: `KEY:cRID` acts as a descendant client, `KEY:rRID` as a resource's owner.
@Suite struct KeyShortcutTests {
    @Test func aKeyWithCRIDActsAsThatClient() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "create dataport dev/temp --format integer", "keys add root \(shell.rootCIK)")
        let dev = await FindTests.rid(shell, "dev")
        let temp = await FindTests.rid(shell, "temp")
        try await shell.setUp("auth root:c\(dev)")
        #expect(await shell.run("whoami").out.contains("client: \(dev)"))
        #expect(await shell.run("ls").out == "temp\n")
        try await shell.setUp("auth \(shell.rootCIK):r\(temp)")
        #expect(await shell.run("whoami").out.contains("client: \(dev)"))
        try await shell.setUp("auth root")
        let listed = await shell.run("ls")
        #expect(listed.out == "dev/\n", "\(listed)")
    }

    @Test func aBadSuffixSaysWhichFormsThereAre() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("keys add root \(shell.rootCIK)")
        let result = await shell.run("auth root:x123")
        #expect(result.status != 0)
        #expect(result.err.split(separator: "\n").first?.contains("KEY, KEY:cRID or KEY:rRID") == true, "\(result.err)")
        #expect(!result.err.contains(shell.rootCIK))
    }
}
