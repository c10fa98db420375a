import Foundation
import OneP
import OnePJSON
import OnePlatformServer
import Testing

/// A device that knows only its CIK talks to a started server with the real `curl`, as http.md shows.
@Suite struct DataInterfaceCurlTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func aDeviceWritesAndReadsWithCurl() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let transport = HTTPTransport(url: server.url)
        let root = RPCClient(transport: transport, auth: fixture.rootAuth)
        let device = try await root.makeDevice("thermostat")
        let asDevice = root.with(auth: .cik(device.cik))
        _ = try await asDevice.makeDataport("temp", format: "float")
        _ = try await asDevice.makeDataport("mode", format: "string")
        let cik = "X-Exosite-CIK: \(device.cik)"
        let form = "Content-Type: application/x-www-form-urlencoded; charset=utf-8"
        let alias = "\(server.url)/onep:v1/stack/alias"

        let write = try await curl([alias, "-H", cik, "-H", form, "-d", "temp=21.5&mode=heat"])
        #expect(write.status == 204)
        #expect(write.body.isEmpty)
        let read = try await curl([alias + "?temp&mode", "-H", cik, "-H", "Accept: application/x-www-form-urlencoded; charset=utf-8"])
        #expect(read.status == 200)
        #expect(read.body == "mode=heat&temp=21.5")
        fixture.clock.advance(by: 1)
        let hybrid = try await curl([alias + "?mode", "-H", cik, "-d", "mode=off%20now"])
        #expect(hybrid.body == "mode=off%20now")

        let record = try await curl(["\(server.url)/onep:v1/stack/record", "-H", cik, "-d", "alias=temp&100=1.5&200=2.5"])
        #expect(record.status == 204)
        let points = try await asDevice.points(.alias("temp"), ReadOptions(sort: .asc, limit: 10))
        #expect(points.map(\.timestamp) == [100, 200, Int(PlatformFixture.startTime)])

        let expired = try await curl([alias + "?temp", "-H", cik, "-H", "Request-Timeout: 0"])
        #expect(expired.status == 304)
        let polling = Task { try await curl([alias + "?temp", "-H", cik, "-H", "Request-Timeout: 30000"]) }
        await fixture.platform.untilSuspendedWaits(are: 1)
        fixture.clock.advance(by: 1)
        #expect(try await curl([alias, "-H", cik, "-d", "temp=23"]).status == 204)
        let polled = try await polling.value
        #expect(polled.status == 200)
        #expect(polled.body == "temp=23.0")

        #expect(try await curl(["\(server.url)/timestamp"]).body == String(Int(PlatformFixture.startTime) + 2))
        #expect(try await curl([alias + "?temp", "-H", "X-Exosite-CIK: \(String(repeating: "f", count: 40))"]).status == 401)
        try await transport.shutdown()
        try await server.stop()
    }

    /// The `alias=value` pairs of a read, whose order the API leaves open.
    private func pairs(_ answer: CurlAnswer) -> Set<Substring> {
        Set(answer.body.split(separator: "&"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func aDevicesCurlWriteDrivesTheRulesSubscribedToItsDataport() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let transport = HTTPTransport(url: server.url)
        let root = RPCClient(transport: transport, auth: fixture.rootAuth)
        let device = try await root.makeDevice("boiler")
        let asDevice = root.with(auth: .cik(device.cik))
        let temp = try await asDevice.makeDataport("temp", format: "float")
        let rules: [(alias: String, rule: DataruleRule)] = [("hot", .simple(.gt, constant: 30)), ("silent", .timeout(seconds: 60))]
        for (alias, rule) in rules {
            let description = ResourceDescription.datarule(rule, .init(subscribe: temp))
            let rid = try #require(try await asDevice.call(.create(.me, type: .datarule, description: description))?.stringValue)
            _ = try await asDevice.call(.map(.rid(rid), alias: alias))
        }
        let cik = "X-Exosite-CIK: \(device.cik)"
        let alias = "\(server.url)/onep:v1/stack/alias"

        #expect(try await curl([alias, "-H", cik, "-d", "temp=35"]).status == 204)
        #expect(try await pairs(curl([alias + "?hot&silent", "-H", cik])) == ["hot=1", "silent=0"])
        fixture.clock.advance(by: 59)
        try await fixture.platform.settle()
        #expect(try await curl([alias + "?silent", "-H", cik]).body == "silent=0")
        fixture.clock.advance(by: 1)
        try await fixture.platform.settle()
        #expect(try await curl([alias + "?silent", "-H", cik]).body == "silent=1")
        // The next write turns both the other way.
        #expect(try await curl([alias, "-H", cik, "-d", "temp=20"]).status == 204)
        #expect(try await pairs(curl([alias + "?hot&silent", "-H", cik])) == ["hot=0", "silent=0"])
        try await transport.shutdown()
        try await server.stop()
    }
}
