import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// A platform on a directory that its owner lets go of closes its database and lock files, with
/// its timers and scripts stopped, so a long-lived process (or the test run) does not gather them.
@Suite("Platform lifetime", .timeLimit(.minutes(1)))
struct PlatformLifetimeTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func aPlatformLetGoOfClosesItsFiles() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        do {
            let platform = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
            try await platform.dataport("integer", alias: "in")
            try await platform.datarule(["timeout": ["timeout": 10, "repeat": false]])
            try await platform.script("while true do alias['in'].wait() end")
            #expect(platform.platform.waitingScriptCount == 1)
            #expect(openDescriptors(under: directory.path) > 0)
        }
        #expect(await eventually(within: 10) { openDescriptors(under: directory.path) == 0 }, "\(openDescriptors(under: directory.path)) left open")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func twoPlatformsOnOneDirectoryBothCloseTheirFiles() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        do {
            let owner = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
            let other = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
            try await other.dataport("integer", alias: "in")
            try await other.script("while true do alias['in'].wait() end")
            #expect(await eventually { owner.platform.waitingScriptCount == 1 })
        }
        #expect(await eventually(within: 10) { openDescriptors(under: directory.path) == 0 }, "\(openDescriptors(under: directory.path)) left open")
    }
}
