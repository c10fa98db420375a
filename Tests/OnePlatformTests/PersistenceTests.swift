import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

@Suite("Storage on disk")
struct PersistenceTests {
    @Test func reopeningKeepsBootstrapResourcesAndPoints() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(now: 2_000_000)
        let bootstrap: PlatformBootstrap
        let port: String
        do {
            let platform = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
            bootstrap = platform.platform.bootstrap
            port = try await platform.dataport("float", alias: "temp")
            try await platform.ok("write", [["alias": "temp"], 21.5])
        }
        #expect(FileManager.default.fileExists(atPath: directory.path + "/onep.sqlite"))
        let reopened = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
        #expect(reopened.platform.bootstrap == bootstrap)
        #expect(try await reopened.ok("lookup", ["alias", "temp"]) == .string(port))
        #expect(try await reopened.ok("read", [["alias": "temp"], [:]]) == [[2_000_000, 21.5]])
    }

    @Test func bootstrapHasTheDocumentedShape() throws {
        let bootstrap = try Platform.inMemory().bootstrap
        let hex = Set("0123456789abcdef")
        for value in [bootstrap.rootCIK, bootstrap.rootRID, bootstrap.vendorToken] {
            #expect(value.count == 40 && value.allSatisfy(hex.contains))
        }
        #expect(bootstrap.rootCIK != bootstrap.rootRID)
        #expect(!bootstrap.vendorName.isEmpty)
    }

    @Test func directoryThatCannotBeCreatedThrowsOneLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A regular file stands where the directory should be.
        let blocked = directory.file("blocked")
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data()))
        do {
            _ = try Platform.open(directory: blocked + "/inner")
            Issue.record("opening under a file succeeded")
        } catch let error as PlatformError {
            #expect(error.description.contains(blocked))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func databaseFileThatIsNotSQLiteThrows() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x41, count: 4096)
        #expect(FileManager.default.createFile(atPath: directory.path + "/onep.sqlite", contents: garbage))
        #expect(throws: PlatformError.self) { _ = try Platform.open(directory: directory.path) }
    }

    @Test func concurrentWritersLoseNoPoints() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(now: 1_000_000)
        let platform = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
        let first = try await platform.client()
        let second = try await platform.client()
        try await platform.dataport("integer", alias: "n", auth: first.auth)
        try await platform.dataport("integer", alias: "n", auth: second.auth)
        let perWriter = 200
        await withTaskGroup(of: Void.self) { group in
            for auth in [first.auth, second.auth] {
                group.addTask {
                    for index in 0..<perWriter {
                        _ = try? await platform.send([
                            "auth": auth,
                            "calls": [["procedure": "record", "arguments": [["alias": "n"], [[.int(index + 1), .int(index)]], [:]]]],
                        ])
                    }
                }
            }
        }
        for auth in [first.auth, second.auth] {
            let storage = try await platform.ok("info", [["alias": "n"], ["storage": true]], auth: auth)["storage"]
            #expect(storage?["count"] == .int(perWriter))
        }
    }
}
