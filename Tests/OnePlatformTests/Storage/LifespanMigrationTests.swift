import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// The history behind `usage` became edges (v9): a directory written before keeps what it
/// recorded, and what happens after the change (creates, a move, a drop) adds to it.
@Suite(.enabled(if: SQLiteTool.isInstalled))
struct LifespanMigrationTests {
    /// What the v2 migration made, text for text: the trigger that wrote a row per ancestor, the
    /// index it searched, and the rows it would have written for resources that exist.
    static let versionTwoHistory = """
        CREATE INDEX "lifespan_on_resource_id" ON "lifespan"("resource_id");
        CREATE TRIGGER lifespan_on_insert AFTER INSERT ON resource WHEN NEW.parent_id IS NOT NULL
        BEGIN
            INSERT INTO lifespan (resource_id, ancestor_id, type, started)
                SELECT NEW.id, ancestor_id, NEW.type, NEW.created FROM lifespan
                WHERE resource_id = NEW.parent_id AND ended IS NULL;
            INSERT INTO lifespan (resource_id, ancestor_id, type, started)
                VALUES (NEW.id, NEW.parent_id, NEW.type, NEW.created);
        END;
        INSERT INTO lifespan (resource_id, ancestor_id, type, started)
        WITH RECURSIVE chain(resource_id, ancestor_id, type, started) AS (
            SELECT id, parent_id, type, created FROM resource WHERE parent_id IS NOT NULL
            UNION ALL
            SELECT c.resource_id, r.parent_id, c.type, c.started FROM chain c
            JOIN resource r ON r.id = c.ancestor_id WHERE r.parent_id IS NOT NULL)
        SELECT resource_id, ancestor_id, type, started FROM chain;
        """

    /// Takes a directory back to before the edges (for tests of older migrations too).
    static let undo = """
        DROP TRIGGER lifespan_edge_on_insert; DROP TABLE lifespan_edge;
        \(versionTwoHistory)
        DELETE FROM grdb_migrations WHERE identifier = 'v9-lifespan-edges';
        """

    private func usage(_ platform: TestPlatform, _ client: String, _ metric: String, _ from: Int, _ to: Int) async throws -> Int? {
        try await platform.ok("usage", [.string(client), .string(metric), .int(from), .int(to)]).intValue
    }

    @Test func historyRecordedBeforeTheChangeCountsBesideWhatFollows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let start = Int(TestPlatform.start)
        let clock = ManualClock(now: TestPlatform.start)
        let (owner, other, kept): ((rid: String, auth: JSON), (rid: String, auth: JSON), String)
        do {
            let platform = try SQLiteTool.open(directory, clock)
            owner = try await platform.client()
            other = try await platform.client()
            try await platform.dataport("float", alias: "gone", auth: owner.auth)
            kept = try await platform.dataport("float", alias: "kept", auth: owner.auth)
        }
        // Back to before the change, with `gone` dropped at start + 5 as the old store did it.
        _ = try SQLiteTool.run(
            directory,
            """
            \(Self.undo)
            UPDATE lifespan SET ended = \(start + 5) WHERE resource_id = (SELECT target_id FROM alias WHERE alias = 'gone');
            DELETE FROM resource WHERE id = (SELECT target_id FROM alias WHERE alias = 'gone');
            DELETE FROM alias WHERE alias = 'gone';
            """)
        #expect(try SQLiteTool.run(directory, "SELECT count(*) FROM lifespan WHERE ended IS NULL") == "4")

        clock.advance(by: 10)
        let reopened = try SQLiteTool.open(directory, clock)
        #expect(try SQLiteTool.run(directory, "SELECT count(*) FROM lifespan WHERE ended IS NULL") == "0")
        clock.advance(by: 5)
        try await reopened.ok("move", [.string(kept), .string(other.rid)])
        try await reopened.dataport("float", auth: owner.auth)
        clock.advance(by: 5)
        try await reopened.ok("drop", [.string(kept)])
        clock.advance(by: 10)

        // gone: [start, +5) under owner; kept: [start, +15) under owner, [+15, +20) under other;
        // the new one: [+15, +30) under owner.
        #expect(try await usage(reopened, owner.rid, "dataport", start, start + 30) == 5 + 15 + 15)
        #expect(try await usage(reopened, other.rid, "dataport", start, start + 30) == 5)
        let root = reopened.platform.bootstrap.rootRID
        #expect(try await usage(reopened, root, "dataport", start, start + 30) == 5 + 20 + 15)
        #expect(try await usage(reopened, root, "client", start, start + 30) == 60)
        // A window across the change: kept alone, from both sides of it.
        #expect(try await usage(reopened, owner.rid, "dataport", start + 8, start + 12) == 4)
    }

    @Test func whatLayBelowADroppedClientStillCountsForItsOwnerUntilTheDrop() async throws {
        let platform = try TestPlatform.inMemory()
        let start = Int(TestPlatform.start)
        let site = try await platform.client()
        let device = try await platform.client(auth: site.auth)
        let gateway = try await platform.client(auth: device.auth)
        try await platform.dataport("integer", auth: gateway.auth)
        platform.clock.advance(by: 3)
        try await platform.ok("move", [.string(gateway.rid), .string(site.rid)])
        platform.clock.advance(by: 4)
        try await platform.ok("drop", [.string(gateway.rid)])
        platform.clock.advance(by: 5)
        // Three levels down for 3 seconds, then one level down for 4.
        #expect(try await usage(platform, site.rid, "dataport", start, start + 12) == 7)
        #expect(try await usage(platform, device.rid, "dataport", start, start + 12) == 3)
        #expect(try await usage(platform, site.rid, "client", start, start + 12) == 12 + 7)
    }
}
