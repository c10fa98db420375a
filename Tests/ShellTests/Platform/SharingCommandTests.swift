import Foundation
import OnePJSON
import Testing

/// share, activate, deactivate, revoke and grant through the shell, against the embedded platform.
@Suite struct SharingCommandTests {
    /// A root dataport `temp` holding 5 and a child client `friend`; their RIDs and the friend's CIK.
    private func sharedSetup(_ shell: ShellFixture) async throws -> (temp: String, friend: String, friendCIK: String) {
        let temp = await shell.run("create dataport temp --format integer").out.trimmed
        let friend = await shell.run("create client friend").out.trimmed
        try await shell.setUp("write temp 5")
        let key = try JSON(parsing: await shell.run("info friend --include key").out)["key"]?.stringValue
        return (temp, friend, try #require(key))
    }

    @Test func aShareActivatedByAFriendLetsItReadAndDeactivateEndsThat() async throws {
        let shell = try ShellFixture()
        let (temp, _, friendCIK) = try await sharedSetup(shell)
        let code = await shell.run("share temp --meta 'for friend'").out.trimmed
        #expect(code.count == 40 && code.allSatisfy(\.isHexDigit))
        #expect(await shell.run("lookup --share \(code)").out.trimmed == temp)
        let shares = try JSON(parsing: await shell.run("info temp --include shares").out)["shares"]
        #expect(shares?[0]?["meta"] == "for friend")

        try await shell.setUp("cd friend", "activate share \(code)", "cd /", "auth \(friendCIK)")
        #expect(await shell.run("read \(temp)").out.contains("5"))
        let write = await shell.run("write \(temp) 6")
        #expect(write.status == 1)
        #expect(
            write.err.hasPrefix("error: write: RES '\(temp)' is outside what these credentials reach") && write.err.split(separator: "\n").count == 1,
            "\(write.err)")

        try await shell.setUp("deactivate share \(code)")
        #expect(await shell.run("read \(temp)").status == 1)
        let again = await shell.run("deactivate share \(code)")
        #expect(again.status == 1)
        #expect(again.err.hasPrefix("error: deactivate: CODE names no share this client activated"), "\(again.err)")
        #expect(await shell.run("whoami").status == 0)
    }

    @Test func revokingAShareEndsItsCode() async throws {
        let shell = try ShellFixture()
        _ = try await sharedSetup(shell)
        let code = await shell.run("share temp").out.trimmed
        try await shell.setUp("revoke share \(code)")
        let lookup = await shell.run("lookup --share \(code)")
        #expect(lookup.status == 1)
        let twice = await shell.run("revoke share \(code)")
        #expect(twice.status == 1)
        #expect(twice.err.hasPrefix("error: revoke failed"), "\(twice.err)")
        #expect(await shell.run("activate share nonsense").err.hasPrefix("error: activate: CODE names no share"))
        #expect(await shell.run("share nowhere").err == "error: 'nowhere' not found here: 'ls' lists what is here\n")
        #expect(await shell.run("ls").status == 0)
    }

    @Test func revokingAClientKeyMakesANewOneThatTheOwnerActivates() async throws {
        let shell = try ShellFixture()
        let (_, friend, oldCIK) = try await sharedSetup(shell)
        let revoked = await shell.run("revoke client \(oldCIK)")
        #expect(revoked.status == 0, "\(revoked.err)")
        let newCIK = try #require(try JSON(parsing: await shell.run("info friend --include key").out)["key"]?.stringValue)
        #expect(newCIK != oldCIK)
        #expect(revoked.out == newCIK + "\n")
        #expect(try JSON(parsing: await shell.run("info friend --include basic").out)["basic"]?["status"] == "notactivated")
        try await shell.setUp("activate client \(newCIK)")
        #expect(try JSON(parsing: await shell.run("info friend --include basic").out)["basic"]?["status"] == "activated")
        #expect(
            await shell.run("activate client \(newCIK)").err.hasPrefix("error: activate: CODE is no client's CIK, or that CIK is activated already"))
        try await shell.setUp("deactivate client \(newCIK)")
        #expect(try JSON(parsing: await shell.run("info \(friend) --include basic").out)["basic"]?["status"] == "expired")
        let old = await shell.run("auth \(oldCIK)")
        #expect(old.status == 3, "\(old.err)")
        #expect(old.err.split(separator: "\n").count == 1)
    }

    @Test func aGrantedTokenCallsOnlyWhatItWasAllowedUntilItExpires() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev")
        let port = await shell.run("create dataport dev/temp --format integer").out.trimmed
        try await shell.setUp("write dev/temp 3")
        let token = await shell.run("grant dev --allow read,lookup,listing,info --ttl 60").out.trimmed
        #expect(token.count == 40 && token.allSatisfy(\.isHexDigit))
        try await shell.setUp("auth token \(token)")
        #expect(await shell.run("read temp").out.contains("3"))
        #expect(await shell.run("read \(port)").out.contains("3"))
        let write = await shell.run("write temp 4")
        #expect(write.status == 1)
        #expect(write.err.hasPrefix("error: write failed"), "\(write.err)")
        shell.clock.advance(by: 61)
        let expired = await shell.run("read temp")
        #expect(expired.status == 3, "\(expired.err)")
        #expect(expired.err.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        ("grant dev", 2, "error: grant: missing --allow"),
        ("grant dev --allow read --ttl soon", 2, "error: grant: --ttl 'soon' is not valid, expected an integer"),
        ("grant dev --allow read --ttl 0", 2, "error: grant: --ttl '0' is not valid, expected a positive number of seconds"),
        ("grant nowhere --allow read", 1, "error: 'nowhere' not found here"),
        ("revoke client 0123456789012345678901234567890123456789", 1, "error: revoke failed"),
        ("deactivate client short", 1, "error: deactivate: CODE is no client's CIK"),
    ])
    func refusals(line: String, status: Int32, message: String) async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev")
        let result = await shell.run(line)
        #expect(result.status == status)
        #expect(result.err.hasPrefix(message), "\(result.err)")
        #expect(result.err.split(separator: "\n").count <= 2)
        #expect(await shell.run("ls").out == "dev/\n")
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
