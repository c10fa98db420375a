import Foundation
import OneP
import OnePEmbedded
import OnePJSON
import Synchronization
import Testing

/// `copy` of a level larger than one request: every chunk of creates arrives, and a chunk the
/// platform refuses still leaves nothing behind.
@Suite struct CopyChunkTests {
    static let ports = 2_100

    /// `src` with 2,100 dataports and `dst` with room for 2,200 dataports, made in a few requests.
    static func setUp(_ shell: ShellFixture) async throws -> (src: String, dst: String) {
        let root = RPCClient(transport: InProcessTransport(platform: shell.platform), auth: .cik(shell.rootCIK))
        let inherit = JSONObject(["client", "dataport", "datarule", "dispatch", "share"].map { ($0, JSON.string("inherit")) })
        var roomy = inherit
        roomy["dataport"] = 2_200
        let made = try await root.batch([
            .create(.me, type: .client, description: ["name": "src", "limits": .object(inherit)]),
            .create(.me, type: .client, description: ["name": "dst", "limits": .object(roomy)]),
        ])
        let src = try #require(try made[0].get()?.stringValue)
        let dst = try #require(try made[1].get()?.stringValue)
        let calls = (0..<ports).map { Call.create(.rid(src), type: .dataport, description: ["name": .string("p\($0)"), "format": "integer"]) }
        for result in try await root.batch(calls) { _ = try result.get() }
        return (src, dst)
    }

    @Test func aLevelOfSeveralChunksIsCopiedWhole() async throws {
        let shell = try ShellFixture()
        _ = try await Self.setUp(shell)
        let copied = await shell.run("copy src dst")
        #expect(copied.status == 0, "\(copied.err)")
        #expect(copied.out.hasPrefix("copied \(Self.ports + 1) resources under /dst: "), "\(copied.out)")
        let names = await shell.run("ls dst/src").out.split(separator: "\n").map(String.init)
        #expect(Set(names) == Set((0..<Self.ports).map { "p\($0)" }))
    }

    @Test func aChunkRefusedForWantOfRoomLeavesNothingOfTheCopy() async throws {
        let thief = RoomThief()
        let shell = try ShellFixture(transport: { thief.wrap($0) })
        let (_, dst) = try await Self.setUp(shell)
        thief.target.withLock { $0 = (shell.rootCIK, dst) }
        let result = await shell.run("copy src dst")
        #expect(result.status == 1)
        #expect(result.err.contains("reached a limit"), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        // Only what the thief made is left in dst.
        #expect(await shell.run("ls dst").out.split(separator: "\n").count == RoomThief.taken)
    }
}

/// Stands for another client that takes room at the worst moment: before the first large
/// request of creates reaches the platform, it creates dataports in the destination, so the
/// copy passes its own check of the limits but the platform refuses some of its creates.
final class RoomThief: Sendable {
    static let taken = 150
    let target = Mutex<(cik: String, client: String)?>(nil)
    private let done = Mutex(false)

    func wrap(_ base: any Transport) -> any Transport {
        BeforeSending(base) { body, base in
            if body.count > 20_000, let target = self.target.withLock({ $0 }),
                String(decoding: body, as: UTF8.self).contains(#""procedure":"create""#),
                self.done.withLock({ done in
                    defer { done = true }; return !done
                })
            {
                let client = RPCClient(transport: base, auth: .cik(target.cik))
                let calls = (0..<RoomThief.taken).map { _ in Call.create(.rid(target.client), type: .dataport, description: ["format": "integer"]) }
                for result in try await client.batch(calls) { _ = try result.get() }
            }
        }
    }
}
