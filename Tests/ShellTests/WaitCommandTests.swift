import OneP
import OnePEmbedded
import Testing

/// `wait` in the shell: held by the platform until a point arrives or its timeout passes on the
/// platform's clock.
@Suite struct WaitCommandTests {
    @Test func aWriteFromElsewhereReleasesTheWait() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport button --format integer --alias button")
        let waiting = Task { await shell.run("wait button --timeout 60") }
        await shell.platform.untilSuspendedWaits(are: 1)
        shell.clock.advance(by: 3)
        let device = RPCClient(transport: InProcessTransport(platform: shell.platform), auth: .cik(shell.rootCIK))
        _ = try await device.call(.write(.alias("button"), value: 1))
        let result = await waiting.value
        #expect(result.status == 0)
        #expect(result.out == "timestamp   button\n1700000003  1\n")
    }

    @Test func noPointBeforeTheTimeoutIsAFailureThatSaysSo() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport button --format integer")
        let waiting = Task { await shell.run("wait button --timeout 5") }
        await shell.platform.untilSuspendedWaits(are: 1)
        shell.clock.advance(by: 5)
        let result = await waiting.value
        #expect(result.status == 1)
        #expect(result.err == "error: wait: no new point within 5 s\n")
    }

    @Test func sinceAnswersAPointAlreadyWritten() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport button --format integer", "write button 4")
        shell.clock.advance(by: 10)
        let result = await shell.run("wait button --since 1699999999")
        #expect(result.status == 0)
        #expect(result.out == "timestamp   button\n1700000000  4\n")
    }

    @Test(arguments: [
        ("wait nowhere", "nowhere"),
        ("wait / --timeout 1", "is a client, which keeps no points"),
    ])
    func badInputIsOneLineAndTheShellGoesOn(line: String, mention: String) async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport button --format integer")
        let result = await shell.run(line)
        #expect(result.status != 0)
        #expect(result.err.hasPrefix("error: "))
        #expect(result.err.contains(mention))
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(await shell.run("write button 2").status == 0)
    }

    @Test(arguments: ["-1", "99999999999999999"])
    func aTimeoutOutOfRangeIsAUsageError(seconds: String) async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport button --format integer")
        let result = await shell.run("wait button --timeout \(seconds)")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("error: "))
        #expect(result.err.split(separator: "\n").first?.contains("seconds from 0 to 2147483") == true)
        #expect(await shell.run("write button 2").status == 0)
    }
}
