import Foundation
import GRDB

/// Opens the one database connection (pool or queue) a platform keeps for its whole life.
enum PlatformDatabase {
    static let fileName = "onep.sqlite"

    static func openFile(directory: String) throws -> any DatabaseWriter {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PlatformError.directoryUnavailable(directory, reason: Self.reason(error))
        }
        let path = (directory as NSString).appendingPathComponent(fileName)
        do {
            // DatabasePool switches the file to WAL, so reads never wait for a writer.
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
            return pool
        } catch {
            throw PlatformError.databaseUnavailable(path, reason: Self.reason(error))
        }
    }

    static func openInMemory() throws -> any DatabaseWriter {
        do {
            let queue = try DatabaseQueue(configuration: configuration)
            try Migrations.migrator.migrate(queue)
            return queue
        } catch {
            throw PlatformError.databaseUnavailable(":memory:", reason: Self.reason(error))
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.label = "onep.platform"
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync stays consistent after a crash and avoids an fsync per commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        let text = (error as NSError).localizedDescription
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}
