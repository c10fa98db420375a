import OneP
import OnePEmbedded
import OnePJSON
import Shell
import Testing

/// Paths resolve once per session state: a command on a known path sends one request, the shell's
/// own changes keep the names true, and a RID another client made stale is looked up again.
@Suite struct PathCacheTests {
    /// The requests the line made, from `set timing on`.
    private func requests(_ shell: ShellFixture, _ line: String) async throws -> Int {
        let result = await shell.run(line)
        try #require(result.status == 0, "\(line): \(result.err)")
        return try #require(ShellFixture.requests(in: result.err), "\(result.err)")
    }

    /// The platform as another program sees it, acting as the root client.
    private func elsewhere(_ shell: ShellFixture) -> RPCClient {
        RPCClient(transport: InProcessTransport(platform: shell.platform), auth: .cik(shell.rootCIK))
    }

    private func made(_ shell: ShellFixture) async throws -> ShellFixture {
        try await shell.setUp("create client dev", "create dataport dev/temp --format integer", "create client other", "set timing on")
        return shell
    }

    @Test func aKnownPathCostsOnlyTheCommandsOwnRequest() async throws {
        let shell = try await made(ShellFixture())
        // `dev` is known from creating under it; what is under `dev` costs two requests, then the write.
        #expect(try await requests(shell, "write dev/temp 1") == 3)
        #expect(try await requests(shell, "write dev/temp 2") == 1)
        #expect(try await requests(shell, "read dev/temp") == 1)
        #expect(try await requests(shell, "info dev/temp --include basic") == 1)
        // `ls` and `tree` list clients whole: what they saw resolves without asking.
        #expect(try await requests(shell, "tree") == 4)
        #expect(try await requests(shell, "info other --include basic") == 1)
    }

    @Test func whichClientTheShellIsRidesAlongWithTheFirstLookup() async throws {
        let shell = try await made(ShellFixture())
        let output = OutputBuffer()
        let fresh = shell.newRunner(output: output)
        _ = await fresh.run(line: "set timing on")
        _ = output.take()
        _ = await fresh.run(line: "read dev/temp")
        let read = output.take()
        #expect(read.stdout == "timestamp  temp\n", "\(read.stderr)")
        // Two requests a level, the first also asking which client the shell is, then the read.
        #expect(ShellFixture.requests(in: read.stderr) == 5)
        _ = await fresh.run(line: "cd dev; pwd")
        #expect(output.take().stdout.hasPrefix("/dev  "))
        _ = await fresh.run(line: "cd /; pwd")
        #expect(output.take().stdout.hasPrefix("/  \(shell.platform.bootstrap.rootRID)"))
    }

    @Test func createAddsTheNewNameAndADuplicateNameIsAskedAgain() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1", "create dataport dev/humidity --format integer")
        #expect(try await requests(shell, "write dev/humidity 40") == 1)
        try await shell.setUp("create dataport dev/temp --format integer")
        let ambiguous = await shell.run("read dev/temp")
        #expect(ambiguous.status == 1)
        #expect(ambiguous.err.hasPrefix("error: 'temp' names several resources"), "\(ambiguous.err)")
    }

    @Test func dropForgetsTheResourceAndWhatWasUnderIt() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1", "drop dev/temp --yes")
        #expect(await shell.run("read dev/temp").err.hasPrefix("error: 'temp' in 'dev/temp' not found"))
        try await shell.setUp("create dataport dev/temp --format integer", "write dev/temp 2", "drop dev --yes")
        #expect(await shell.run("read dev/temp").err.hasPrefix("error: 'dev' in 'dev/temp' not found"))
    }

    @Test func anAliasShadowsANameAsSoonAsItIsMapped() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("create dataport dev/x --format integer", "write dev/temp 1", "write dev/x 2", "cd dev")
        // `x` is a name until an alias called `x` names another resource: an alias wins.
        try await shell.setUp("map temp x")
        #expect(await shell.run("read x").out.hasSuffix("1\n"))
        #expect(try await requests(shell, "read x") == 1)
        try await shell.setUp("unmap x")
        #expect(await shell.run("read x").out.hasSuffix("2\n"))
    }

    @Test func moveAndRenameLeadNamesToTheirNewPlace() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1", "ls other", "move dev/temp other")
        #expect(await shell.run("read dev/temp").err.hasPrefix("error: 'temp' in 'dev/temp' not found"))
        #expect(await shell.run("read other/temp").out.hasSuffix("1\n"))
        try await shell.setUp("update other/temp --name outside")
        #expect(await shell.run("read other/temp").err.hasPrefix("error: 'temp' in 'other/temp' not found"))
        #expect(try await requests(shell, "read other/outside") == 1)
        try await shell.setUp(#"update other/outside --json {"name": "inside"}"#)
        #expect(await shell.run("read other/inside").out.hasSuffix("1\n"))
    }

    @Test func aCloneIsAnotherClientWithTheSameName() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1", "clone dev")
        #expect(await shell.run("read dev/temp").err.hasPrefix("error: 'dev' names several resources"))
    }

    @Test func rpcCallsKeepTheNamesTrueToo() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1")
        let temp = try await oldTemp(shell, try await devRID(shell))
        try await shell.setUp("rpc drop '\"\(temp)\"'")
        #expect(await shell.run("read dev/temp").err.hasPrefix("error: 'temp' in 'dev/temp' not found"))
        try await shell.setUp("create dataport dev/temp --format integer", "write dev/temp 2")
        try await shell.setUp(#"rpc update '"\#(try await devRID(shell))"' '{"name": "device"}'"#)
        #expect(await shell.run("read dev/temp").err.hasPrefix("error: 'dev' in 'dev/temp' not found"))
        #expect(await shell.run("read device/temp").out.hasSuffix("2\n"))
    }

    @Test func eachAuthHasItsOwnNames() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1")
        let key = try #require(
            try await elsewhere(shell).call(.info(.rid(try await devRID(shell)), options: [.key]))?["key"]?.stringValue)
        // Under dev's own CIK, `temp` is at the top; dev's `temp` is not the root's.
        try await shell.setUp("auth \(key)", "create dataport dev --format integer", "write dev 5", "write temp 6")
        #expect(await shell.run("read dev").out.hasSuffix("5\n"))
        try await shell.setUp("auth \(shell.rootCIK)")
        #expect(await shell.run("read dev/temp").out.hasSuffix("6\n"))
        // Back as the root, what it learnt before still holds.
        #expect(try await requests(shell, "read dev/temp") == 1)
    }

    private func devRID(_ shell: ShellFixture) async throws -> String {
        let answer = try await elsewhere(shell).call(.listing(.me, types: [.client], options: .init(owned: true)))
        let clients = answer?["client"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for rid in clients {
            let info = try await elsewhere(shell).call(.info(.rid(rid), options: [.description]))
            if info?["description"]?["name"] == "dev" { return rid }
        }
        throw SetupFailure(line: "find dev", error: "no client named dev")
    }

    // MARK: Changes made by another client

    @Test func aResourceReplacedElsewhereIsFoundAgain() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1")
        let dev = try await devRID(shell)
        let other = elsewhere(shell)
        _ = try await other.call(.drop(.rid(try await oldTemp(shell, dev))))
        let new = try #require(
            try await other.call(.create(.rid(dev), type: .dataport, description: ["name": "temp", "format": "integer"]))?.stringValue)
        // The cached RID is refused; the shell looks `temp` up again and writes to the new one.
        let write = await shell.run("write dev/temp 7")
        #expect(write.status == 0, "\(write.err)")
        #expect(try await other.call(.read(.rid(new), ReadOptions(limit: 1)))?[0]?[1] == 7)
        #expect(try await requests(shell, "write dev/temp 8") == 1)
    }

    @Test func aClientReplacedElsewhereIsFoundAgainAtEveryLevel() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1")
        let other = elsewhere(shell)
        _ = try await other.call(.drop(.rid(try await devRID(shell))))
        let dev = try #require(try await other.call(.create(.me, type: .client, description: ["name": "dev", "limits": inherited]))?.stringValue)
        _ = try await other.call(.create(.rid(dev), type: .dataport, description: ["name": "temp", "format": "integer"]))
        let read = await shell.run("read dev/temp")
        #expect(read.status == 0, "\(read.err)")
        #expect(read.out == "timestamp  temp\n")
    }

    @Test func aResourceDroppedElsewhereIsReportedAsNotFound() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("write dev/temp 1")
        _ = try await elsewhere(shell).call(.drop(.rid(try await oldTemp(shell, try await devRID(shell)))))
        let read = await shell.run("read dev/temp")
        #expect(read.status == 1)
        #expect(read.err.hasPrefix("error: 'temp' in 'dev/temp' not found"), "\(read.err)")
    }

    @Test func aDropThatFindsOneTargetGoneDropsNone() async throws {
        let shell = try await made(ShellFixture())
        try await shell.setUp("create dataport dev/keep --format integer", "write dev/temp 1", "write dev/keep 1")
        _ = try await elsewhere(shell).call(.drop(.rid(try await oldTemp(shell, try await devRID(shell)))))
        // The targets are checked before any goes: the cached `temp` is refused, looked up afresh
        // and reported gone, and `keep` stays (issue 13 item 1: a failing command changes nothing).
        let drop = await shell.run("drop dev/keep dev/temp --yes")
        #expect(drop.status == 1)
        #expect(drop.err.hasPrefix("error: 'temp' in 'dev/temp' not found"), "\(drop.err)")
        #expect(await shell.run("read dev/keep").status == 0)
    }

    private var inherited: JSON {
        .object(JSONObject(["client", "dataport", "datarule", "dispatch", "disk", "share"].map { ($0, JSON.string("inherit")) }))
    }

    /// The RID of `temp` under `dev`, by its name.
    private func oldTemp(_ shell: ShellFixture, _ dev: String) async throws -> String {
        let other = elsewhere(shell)
        let answer = try await other.call(.listing(.rid(dev), types: [.dataport], options: .init(owned: true)))
        for rid in answer?["dataport"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let info = try await other.call(.info(.rid(rid), options: [.description]))
            if info?["description"]?["name"] == "temp" { return rid }
        }
        throw SetupFailure(line: "find temp", error: "no dataport named temp")
    }
}
