import OneP
import OnePJSON
import Testing

@Suite struct PersistenceTests {
    @Test func reopeningTheDirectoryKeepsTheRootAndItsData() async throws {
        let first = try PlatformFixture()
        defer { first.removeDirectory() }
        try await first.withClient(.http) { client in
            _ = try await client.makeDataport("kept", format: "integer")
            _ = try await client.call(.write(.alias("kept"), value: 42))
        }
        let bootstrap = first.platform.bootstrap
        let second = try PlatformFixture(directory: first.directory)
        #expect(second.platform.bootstrap.rootCIK == bootstrap.rootCIK)
        #expect(second.platform.bootstrap.rootRID == bootstrap.rootRID)
        #expect(second.platform.bootstrap.vendorToken == bootstrap.vendorToken)
        let kept = try await second.withClient(.http) { client in
            try await client.points(.alias("kept")).map(\.value)
        }
        #expect(kept == [42])
    }
}
