import OnePJSON
import OnePlatform
import Testing

/// The change feed forgets dropped resources: a server whose clients create, write and drop
/// dataports all day keeps a version only for those that still exist (and those dropped since
/// its last sweep).
@Suite struct ChangeFeedBoundTests {
    @Test func forgetsWrittenResourcesOnceTheyAreDropped() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "kept")
        try await platform.ok("write", [["alias": "kept"], 1])
        // Suspended across the sweeps: the version of a resource that exists is kept.
        let waiting = await platform.startWaiting([("wait", [["alias": "kept"], ["timeout": 5000]])])
        for _ in 0..<11 {
            let created = try await platform.calls((0..<100).map { _ in ("create", ["dataport", ["format": "integer"]]) })
            let rids = created.compactMap { $0["result"] }
            #expect(rids.count == 100)
            _ = try await platform.calls(rids.map { ("write", [$0, 5]) })
            _ = try await platform.calls(rids.map { ("drop", [$0]) })
        }
        // 1,101 written: the sweep at 1,024 forgot the dropped ones; the last 100 wait for the next.
        #expect(platform.platform.changeFeedResourceCount == 101)
        try await platform.ok("write", [["alias": "kept"], 2])
        #expect(try await TestPlatform.single(waiting)["result"]?[1] == 2)
    }
}
