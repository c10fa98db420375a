import OneP
import OnePJSON
import Synchronization
import Testing

/// A command that fails leaves the platform as it found it: it checks before it changes, and a
/// command of several steps undoes its first steps when a later one fails.
@Suite struct FailureChangesNothingTests {
    /// The number of resources directly under the current client.
    private func count(_ shell: ShellFixture) async -> Int {
        let listed = await shell.run("ls")
        return listed.out.split(separator: "\n").count
    }

    @Test func createWithATakenAliasCreatesNothing() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client th --alias th")
        let rid = await shell.run("lookup th").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(await count(shell) == 1)
        for type in ["client", "dataport"] {
            let result = await shell.run("create \(type) th --alias th")
            #expect(result.status == 1)
            #expect(result.err.contains("'th' already names \(rid)"), "\(result.err)")
            #expect(result.err.contains("nothing was created"), "\(result.err)")
        }
        #expect(await count(shell) == 1)
    }

    @Test func aScriptReplayedTwiceLeavesNoOrphans() async throws {
        let shell = try ShellFixture(continueOnError: true)
        let script = "create client th --alias th\ncreate dataport th/temperature --alias temperature\n"
        _ = await shell.runner.runScript(source: script)
        _ = await shell.runner.runScript(source: script)
        #expect(await count(shell) == 1)
        #expect(await shell.run("ls th").out == "temperature\n")
    }

    @Test func anAliasTakenWhileCreatingUndoesTheCreate() async throws {
        let thief = AliasThief()
        let shell = try ShellFixture(transport: { thief.wrap($0) })
        thief.cik.withLock { $0 = shell.rootCIK }
        try await shell.setUp("create dataport other")
        let result = await shell.run("create dataport fresh --alias contested")
        #expect(result.status == 1)
        #expect(result.err.contains("nothing was created"), "\(result.err)")
        // The thief mapped 'contested' to 'other' between the shell's check and its map.
        #expect(await shell.run("ls").out == "other\n")
    }

    @Test func cloningSomethingThatIsNotAClientCopiesNothing() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature")
        let result = await shell.run("clone temperature")
        #expect(result.status == 1)
        #expect(result.err.contains("only clients can be cloned"))
        #expect(await shell.run("ls").out == "temperature\n")
    }

    @Test func droppingSeveralWhereOneIsRefusedDropsNone() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a", "create client dev")
        // A RID outside this client's reach is refused; 'a' must not go without it.
        let result = await shell.run("drop a \(String(repeating: "0", count: 40)) --yes")
        #expect(result.status == 1)
        #expect(await shell.run("ls").out == "a\ndev/\n")
    }
}

/// Stands for another client that maps an alias at the worst moment: just before the shell's
/// `create` request reaches the platform, it maps `contested` to the dataport `other`.
final class AliasThief: Sendable {
    let cik = Mutex<String>("")

    func wrap(_ base: any Transport) -> any Transport {
        BeforeSending(base) { body, base in
            if String(decoding: body, as: UTF8.self).contains(#""procedure":"create""#) {
                let client = RPCClient(transport: base, auth: .cik(self.cik.withLock { $0 }))
                if let other = try await Self.rid(named: "other", client: client) {
                    _ = try? await client.call(.map(.rid(other), alias: "contested"))
                }
            }
        }
    }

    private static func rid(named name: String, client: RPCClient) async throws -> String? {
        let listing = try await client.call(.listing(.me, types: [.dataport], options: .init(owned: true)))
        for rid in listing?["dataport"]?.arrayValue ?? [] {
            guard let rid = rid.stringValue else { continue }
            let info = try await client.call(.info(.rid(rid), options: [.description]))
            if info?["description"]?["name"]?.stringValue == name { return rid }
        }
        return nil
    }
}
