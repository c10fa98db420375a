import OnePJSON
import OnePlatform
import Testing

@Suite("read")
struct ReadTests {
    /// A float dataport "p" holding the points at 100, 110, ..., 190 with values 0.5, 1.5, ...
    static func platformWithTenPoints() async throws -> TestPlatform {
        let platform = try TestPlatform.inMemory(now: 1000)
        try await platform.dataport("float", alias: "p")
        let entries = (0..<10).map { index -> JSON in [.int(100 + index * 10), .double(Double(index) + 0.5)] }
        try await platform.ok("record", [["alias": "p"], .array(entries), [:]])
        return platform
    }

    @Test func defaultsAnswerTheLatestPoint() async throws {
        let platform = try await Self.platformWithTenPoints()
        #expect(try await platform.ok("read", [["alias": "p"], [:]]) == [[190, 9.5]])
        #expect(try await platform.ok("read", [["alias": "p"]]) == [[190, 9.5]])
    }

    @Test func windowIsInclusiveAtBothEnds() async throws {
        let platform = try await Self.platformWithTenPoints()
        let answer = try await platform.ok("read", [["alias": "p"], ["starttime": 120, "endtime": 150, "limit": 10, "sort": "asc"]])
        #expect(answer == [[120, 2.5], [130, 3.5], [140, 4.5], [150, 5.5]])
    }

    @Test func limitAppliesAfterSorting() async throws {
        let platform = try await Self.platformWithTenPoints()
        #expect(try await platform.ok("read", [["alias": "p"], ["sort": "asc", "limit": 2]]) == [[100, 0.5], [110, 1.5]])
        #expect(try await platform.ok("read", [["alias": "p"], ["sort": "desc", "limit": 2]]) == [[190, 9.5], [180, 8.5]])
        #expect(try await platform.ok("read", [["alias": "p"], ["limit": 0]]) == [])
    }

    @Test func endtimeDefaultsToNow() async throws {
        let platform = try TestPlatform.inMemory(now: 1000)
        try await platform.dataport("integer", alias: "p")
        try await platform.ok("record", [["alias": "p"], [[900, 1], [2000, 2]], [:]])
        #expect(try await platform.ok("read", [["alias": "p"], ["limit": 5]]) == [[900, 1]])
        platform.clock.advance(by: 1000)
        #expect(try await platform.ok("read", [["alias": "p"], ["limit": 5]]) == [[2000, 2], [900, 1]])
    }

    @Test func givenWindowTakesTheEarliestPointOfEachSlice() async throws {
        let platform = try await Self.platformWithTenPoints()
        // [100, 199] in 4 slices of 25 seconds: 100-124, 125-149, 150-174, 175-199.
        let ascending = try await platform.ok(
            "read", [["alias": "p"], ["starttime": 100, "endtime": 199, "limit": 4, "sort": "asc", "selection": "givenwindow"]])
        #expect(ascending == [[100, 0.5], [130, 3.5], [150, 5.5], [180, 8.5]])
        let descending = try await platform.ok(
            "read", [["alias": "p"], ["starttime": 100, "endtime": 199, "limit": 4, "selection": "givenwindow"]])
        #expect(descending == [[180, 8.5], [150, 5.5], [130, 3.5], [100, 0.5]])
    }

    @Test func givenWindowSkipsEmptySlices() async throws {
        let platform = try await Self.platformWithTenPoints()
        let answer = try await platform.ok(
            "read", [["alias": "p"], ["starttime": 0, "endtime": 399, "limit": 4, "sort": "asc", "selection": "givenwindow"]])
        #expect(answer == [[100, 0.5]])
    }

    @Test func autoWindowSamplesEvenlyAmongThePoints() async throws {
        let platform = try await Self.platformWithTenPoints()
        let answer = try await platform.ok("read", [["alias": "p"], ["limit": 4, "sort": "asc", "selection": "autowindow"]])
        #expect(answer == [[100, 0.5], [130, 3.5], [160, 6.5], [190, 9.5]])
        let all = try await platform.ok("read", [["alias": "p"], ["limit": 20, "selection": "autowindow"]])
        #expect(all.arrayValue?.count == 10)
        #expect(all[0] == [190, 9.5])
    }

    @Test func valuesAnswerInTheResourceFormat() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "f")
        try await platform.dataport("integer", alias: "i")
        try await platform.dataport("string", alias: "s")
        try await platform.ok("write", [["alias": "f"], 1])
        try await platform.ok("write", [["alias": "i"], 1])
        try await platform.ok("write", [["alias": "s"], "hello"])
        let now = Int(TestPlatform.start)
        #expect(
            try await platform.send(["auth": platform.auth, "calls": [["id": 1, "procedure": "read", "arguments": [["alias": "f"], [:]]]]])
                == [["id": 1, "status": "ok", "result": [[.int(now), 1.0]]]])
        #expect(try await platform.ok("read", [["alias": "i"], [:]]) == [[.int(now), 1]])
        #expect(try await platform.ok("read", [["alias": "s"], [:]]) == [[.int(now), "hello"]])
        let raw = await platform.send(
            #"{"auth":{"cik":"\#(platform.platform.bootstrap.rootCIK)"},"calls":[{"id":1,"procedure":"read","arguments":[{"alias":"f"},{}]}]}"#)
        #expect(raw.contains("1.0]"))
    }

    @Test func badOptionsAreInvalidAndBadShapesFail() async throws {
        let platform = try await Self.platformWithTenPoints()
        for options: JSON in [["sort": "sideways"], ["limit": -1], ["selection": "random"], ["limit": 1.5]] {
            #expect(try await platform.status("read", [["alias": "p"], options]) == "invalid", "\(options)")
        }
        for options: JSON in [["limit": "3"], ["starttime": "yesterday"], 7] {
            #expect(try await platform.call("read", [["alias": "p"], options])["error"]?["context"] == "arguments", "\(options)")
        }
    }

    @Test func readingAClientIsInvalid() async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.status("read", [["alias": ""], [:]]) == "invalid")
    }

    @Test func readingOutOfReachIsRestricted() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float")
        let child = try await platform.client()
        #expect(try await platform.status("read", [.string(port), [:]], auth: child.auth) == "restricted")
    }
}
