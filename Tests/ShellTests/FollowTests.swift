import Foundation
import OneP
import OnePEmbedded
import OnePJSON
import Testing

/// `read --follow`: event-driven through `wait`, polling where the platform has no `wait`.
@Suite struct FollowTests {
    /// A client other than the shell, writing as a device would.
    private func device(_ shell: ShellFixture) -> RPCClient {
        RPCClient(transport: InProcessTransport(platform: shell.platform), auth: .cik(shell.rootCIK))
    }

    @Test func pointsFromAnotherClientPrintAsTheyArriveUntilCancelled() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer --alias a", "create dataport b --format integer --alias b", "write a 1")
        let following = Task { await shell.run("read a b --follow") }
        await shell.platform.untilSuspendedWaits(are: 2)
        shell.clock.advance(by: 5)
        _ = try await device(shell).call(.write(.alias("b"), value: 7))
        // Both waits come back only once the row is printed.
        await shell.platform.untilSuspendedWaits(are: 2)
        shell.clock.advance(by: 5)
        _ = try await device(shell).call(.writegroup([(.alias("a"), 3), (.alias("b"), 4)]))
        await shell.platform.untilSuspendedWaits(are: 2)
        following.cancel()
        let result = await following.value
        #expect(result.status == 130, "\(result.err)")
        // Rows that come later keep the columns of the table printed first.
        #expect(result.out == "timestamp   a  b\n1700000000  1\n1700000005     7\n1700000010  3  4\n")
        #expect(shell.platform.suspendedWaitCount == 0)
    }

    @Test func aPointInTheSecondTheFollowStartsIsPrinted() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer --alias a")
        let following = Task { await shell.run("read a --follow") }
        await shell.platform.untilSuspendedWaits(are: 1)
        // The clock has not moved: the point shares its second with the follow's first read.
        _ = try await device(shell).call(.write(.alias("a"), value: 5))
        await shell.platform.untilSuspendedWaits(are: 1)
        following.cancel()
        let result = await following.value
        #expect(result.status == 130, "\(result.err)")
        #expect(result.out == "timestamp   a\n1700000000  5\n")
    }

    @Test func aQuietSpellLongerThanTheWaitKeepsFollowing() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer --alias a")
        let following = Task { await shell.run("read a --follow") }
        await shell.platform.untilSuspendedWaits(are: 1)
        shell.clock.advance(by: 301)
        _ = try await device(shell).call(.write(.alias("a"), value: 9))
        // Whether the write met the first wait or the one asked after it expired, it prints once.
        await shell.platform.untilSuspendedWaits(are: 1)
        following.cancel()
        let result = await following.value
        #expect(result.status == 130, "\(result.err)")
        #expect(result.out == "timestamp   a\n1700000301  9\n")
    }

    @Test func csvPrintsTheHeaderOnce() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer --alias a", "write a 1", "set format csv")
        let following = Task { await shell.run("read a --follow") }
        for value in [2, 3] {
            await shell.platform.untilSuspendedWaits(are: 1)
            shell.clock.advance(by: 1)
            _ = try await device(shell).call(.write(.alias("a"), value: .int(value)))
        }
        await shell.platform.untilSuspendedWaits(are: 1)
        following.cancel()
        #expect(await following.value.out == "timestamp,a\n1700000000,1\n1700000001,2\n1700000002,3\n")
    }

    @Test func aPointRecordedAheadOfTheClockPrintsOnce() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer --alias a")
        let following = Task { await shell.run("read a --follow") }
        await shell.platform.untilSuspendedWaits(are: 1)
        _ = try await device(shell).call(.record(.alias("a"), [(1_700_000_100, 5)]))
        await shell.platform.untilSuspendedWaits(are: 1)
        following.cancel()
        let result = await following.value
        #expect(result.out == "timestamp   a\n1700000100  5\n", "\(result.err)")
    }

    @Test func withoutWaitOnThePlatformItPollsOnceASecond() async throws {
        let polls = PollCounter()
        let box = FixtureBox()
        let shell = try ShellFixture(
            configure: { configuration in
                configuration.pause = { duration in
                    let count = polls.next()
                    guard duration == .seconds(1), count <= 2, let fixture = box.fixture else { throw CancellationError() }
                    fixture.clock.advance(by: 5)
                    _ = await fixture.runner.run(line: "write a \(count * 10)")
                }
            },
            transport: { WithoutWait(inner: $0) })
        box.fixture = shell
        try await shell.setUp("create dataport a --format integer", "write a 1")
        let result = await shell.run("read a --follow")
        #expect(result.out == "timestamp   a\n1700000000  1\n1700000005  10\n1700000010  20\n")
        #expect(result.status == 130, "\(result.err)")
    }
}

/// A platform from before `wait`: each `wait` call reaches the embedded platform under a name it
/// does not know, so the refusal the follow sees is the platform's own.
struct WithoutWait: Transport {
    let inner: any Transport

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        guard var request = try JSON(parsing: body).objectValue, let calls = request["calls"]?.arrayValue else {
            return try await inner.send(body)
        }
        request["calls"] = .array(
            calls.map { call in
                guard var object = call.objectValue, object["procedure"]?.stringValue == "wait" else { return call }
                object["procedure"] = "wait-unknown"
                return .object(object)
            })
        return try await inner.send(JSON.object(request).utf8Bytes())
    }
}

/// Counts the polls of `read --follow` across the test's tasks.
final class PollCounter: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}

/// Lets the follow test's pause closure reach the fixture it is part of.
final class FixtureBox: @unchecked Sendable {
    // Set once before the command runs, then only read.
    var fixture: ShellFixture?
}
