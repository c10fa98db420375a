import OnePJSON
import OnePlatform
import Testing

/// `/onep:v1/stack/record` and `/onep:v1/stack/alias/<alias>`: values at given timestamps, all or none.
@Suite struct DataInterfaceRecordTests {
    private let now = Int(TestPlatform.start)

    @Test func recordsEachAliasAtItsTimestamps() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("a", "integer"), ("b", "string")])
        let answer = await device.send("POST", "/onep:v1/stack/record", body: "alias=a&100=1&200=2&alias=ghost&5=5&alias=b&150=x&-10=y")
        #expect(answer.status == 204)
        #expect(try await device.points("a") == [[100, 1], [200, 2]])
        #expect(try await device.points("b") == [[150, "x"], [.int(now - 10), "y"]])
        #expect(await device.send("POST", "/onep:v1/stack/alias/a", body: "300=3").status == 204)
        #expect(try await device.points("a") == [[100, 1], [200, 2], [300, 3]])
    }

    @Test func timestampsInOneSecondConflictAndStoreNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("a", "integer"), ("b", "integer"), ("c", "integer")])
        let answer = await device.send("POST", "/onep:v1/stack/record", body: "alias=a&100=1&100.5=2&alias=b&7=1&alias=c&9=1&9=2&9=3")
        #expect(answer.status == 409)
        #expect(answer.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(answer.text == "a=100&c=9")
        for alias in ["a", "b", "c"] { #expect(try await device.points(alias) == []) }
    }

    @Test(arguments: ["100=1", "alias=a&soon=1", "alias=a&100=many"])
    func malformedRecordsAreBadRequests(body: String) async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("a", "integer")])
        let answer = await device.send("POST", "/onep:v1/stack/record", body: body)
        #expect(answer.status == 400)
        #expect(!answer.text.isEmpty)
        #expect(try await device.points("a") == [])
    }
}
