import Foundation
import OnePlatform
import Testing
import TestSupport

/// The migration tests' way into a platform's file: the sqlite3 tool, to take a directory back
/// to an older schema, and a platform reopened on it with the test's clock.
enum SQLiteTool {
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") }

    /// Runs the sqlite3 tool on the directory's database and answers what it printed.
    static func run(_ directory: TemporaryDirectory, _ statements: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        // The platform of a test may still be letting go of the file: wait for it rather than fail.
        process.arguments = ["-cmd", ".timeout 10000", directory.file("onep.sqlite"), statements]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "sqlite3 failed on: \(statements)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func open(_ directory: TemporaryDirectory, _ clock: ManualClock) throws -> TestPlatform {
        TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
    }
}
