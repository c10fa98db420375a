import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// The point table lost its reference to `resource` (v8): directories written before read their
/// points back, and dropping a resource still frees its points in the file.
@Suite(.enabled(if: SQLiteTool.isInstalled))
struct PointTableMigrationTests {
    /// The point table as the first migration made it, text for text.
    static let versionOnePointTable = """
        CREATE TABLE point (
            resource_id INTEGER NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
            timestamp INTEGER NOT NULL,
            value NOT NULL,
            PRIMARY KEY (resource_id, timestamp)
        ) WITHOUT ROWID
        """

    private func sqlite(_ directory: TemporaryDirectory, _ statements: String) throws -> String {
        try SQLiteTool.run(directory, statements)
    }

    private func open(_ directory: TemporaryDirectory, _ clock: ManualClock) throws -> TestPlatform {
        try SQLiteTool.open(directory, clock)
    }

    @Test func pointsWrittenBeforeTheChangeReadBackAfterIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(now: TestPlatform.start)
        let entries: [JSON] = [[1_000, 1], [1_001, 2], [1_002, 3]]
        do {
            let platform = try open(directory, clock)
            try await platform.dataport("integer", alias: "count")
            try await platform.dataport("string", alias: "note")
            try await platform.ok("recordbatch", [["alias": "count"], .array(entries)])
            try await platform.ok("recordbatch", [["alias": "note"], [[1_000, "one"], [1_005, "two"]]])
        }
        // Take the file back to before the change (and the edges after it): the old table, holding the same rows.
        _ = try sqlite(
            directory,
            """
            \(LifespanMigrationTests.undo)
            ALTER TABLE point RENAME TO point_v8;
            \(Self.versionOnePointTable);
            INSERT INTO point SELECT * FROM point_v8; DROP TABLE point_v8;
            DROP TRIGGER point_on_resource_delete;
            DELETE FROM grdb_migrations WHERE identifier = 'v8-point-without-reference';
            """)
        #expect(try sqlite(directory, "SELECT count(*) FROM pragma_foreign_key_list('point')") == "1")

        let reopened = try open(directory, clock)
        #expect(try await reopened.points(["alias": "count"]) == entries)
        #expect(try await reopened.points(["alias": "note"]) == [[1_000, "one"], [1_005, "two"]])
        #expect(try sqlite(directory, "SELECT count(*) FROM pragma_foreign_key_list('point')") == "0")
        // Written after the change, beside the old points.
        try await reopened.ok("recordbatch", [["alias": "count"], [[1_003, 4]]])
        #expect(try await reopened.points(["alias": "count"]).count == 4)
    }

    @Test func droppingAResourceOrItsOwnerFreesItsPoints() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(now: TestPlatform.start)
        let platform = try open(directory, clock)
        let kept = try await platform.dataport("integer")
        let dropped = try await platform.dataport("integer")
        let device = try await platform.client()
        let below = try await platform.dataport("float", auth: device.auth)
        for rid in [kept, dropped] { try await platform.ok("recordbatch", [.string(rid), [[1_000, 1], [1_001, 2]]]) }
        try await platform.ok("recordbatch", [.string(below), [[1_000, 1.5], [1_001, 2.5], [1_002, 3.5]]], auth: device.auth)
        #expect(try sqlite(directory, "SELECT count(*) FROM point") == "7")

        try await platform.ok("drop", [.string(dropped)])
        #expect(try sqlite(directory, "SELECT count(*) FROM point") == "5")
        // The device's dataport goes with the device, and its points with it.
        try await platform.ok("drop", [.string(device.rid)])
        #expect(try sqlite(directory, "SELECT count(*) FROM point") == "2")
        #expect(try await platform.points(.string(kept)) == [[1_000, 1], [1_001, 2]])
    }
}
