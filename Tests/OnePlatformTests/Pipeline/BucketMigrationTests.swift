import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// A database written before buckets were kept: its clients find their buckets full after the upgrade.
@Suite struct BucketMigrationTests {
    /// Runs the sqlite3 tool on `file`; false when it is missing or fails.
    private func sqlite(_ file: String, _ statements: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [file, statements]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func clientsFromBeforeBucketsStartWithTheirBucketFull() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(now: TestPlatform.start)
        var limits = TestPlatform.inheritedLimits.objectValue ?? [:]
        limits["email_bucket"] = 1
        let device: (rid: String, auth: JSON)
        let dispatch: String
        let source: String
        do {
            let platform = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
            device = try await platform.client(["limits": .object(limits)])
            source = try await platform.dataport("integer", auth: device.auth)
            dispatch = try await platform.dispatch(["subscribe": .string(source), "message": "m"], auth: device.auth)
        }
        // Take the database back to before the bucket migration (and the ones after it).
        let downgraded = try sqlite(
            directory.path + "/onep.sqlite",
            """
            \(LifespanMigrationTests.undo)
            DROP TABLE consumable_bucket; DROP TABLE script_state;
            DROP TRIGGER change_log_timer_insert; DROP TRIGGER change_log_timer_update; DROP TABLE change_log;
            ALTER TABLE point RENAME TO point_v8; \(PointTableMigrationTests.versionOnePointTable);
            INSERT INTO point SELECT * FROM point_v8; DROP TABLE point_v8; DROP TRIGGER point_on_resource_delete;
            DELETE FROM grdb_migrations WHERE identifier IN
                ('v4-consumable-buckets', 'v5-script-state', 'v6-change-log', 'v7-script-starts', 'v8-point-without-reference');
            """)
        try #require(downgraded)
        let reopened = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
        try await reopened.write(source, 1, auth: device.auth)
        clock.advance(by: 1)
        try await reopened.write(source, 2, auth: device.auth)
        #expect(try await reopened.values(dispatch) == ["m", "undelivered"])
    }
}
