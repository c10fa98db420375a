import OnePJSON
import OnePlatform
import Testing

/// Numbers a request supplies at the edges of the 64-bit range: each is a per-call `invalid` (or a
/// correct answer), never a trap that takes the whole platform down.
@Suite("Arithmetic on request numbers")
struct OverflowTests {
    @Test(arguments: [Int.max, Int.max - 1_000, 9_223_372_036_000_000_000])
    func grantWithAHugeTTLIsInvalid(_ ttl: Int) async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let answer = try await platform.call("grant", [.string(device.rid), [device.rid: ["read"]], ["ttl": .int(ttl)]])
        #expect(answer["status"] == "invalid")
        // The platform is still up and answering.
        try await platform.ok("info", [["alias": ""], ["basic": true]])
    }

    @Test func grantWithTheLongestTTLThatFitsStillWorks() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let ttl = Int.max - Int(TestPlatform.start)
        let token = try await platform.ok("grant", [.string(device.rid), [device.rid: ["info"]], ["ttl": .int(ttl)]])
        #expect(token.stringValue?.count == 40)
    }

    @Test func givenWindowOverTheWholeTimeLineAnswers() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        try await platform.ok("record", [.string(port), [[1, 1], [2_000_000_000, 2]], [:]])
        let both: JSON = [[1, 1], [2_000_000_000, 2]]
        let windows: [(Int, Int, Int, JSON)] = [
            // A third of the whole time line holds both points: the earliest of that slice answers.
            (Int.min, Int.max, 3, [[1, 1]]),
            (Int.min, Int.max, Int.max, both), (0, Int.max, Int.max, both), (-5, 2_000_000_000, Int.max, both),
            // Wider than any integer holds, and an end that a double carries exactly: this one trapped.
            (Int.min, 9_200_000_000_000_000_000, 3, [[1, 1]]),
            (Int.max, Int.max, Int.max, []),
        ]
        for (start, end, limit, expected) in windows {
            let query: JSON = ["starttime": .int(start), "endtime": .int(end), "limit": .int(limit), "selection": "givenwindow", "sort": "asc"]
            let points = try await platform.ok("read", [.string(port), query])
            #expect(points == expected, "window \(start)...\(end) limit \(limit)")
        }
    }

    @Test func autowindowWithTheLargestLimitAnswers() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        try await platform.ok("record", [.string(port), [[1, 1], [2, 2], [3, 3]], [:]])
        let query: JSON = ["starttime": .int(Int.min), "endtime": .int(Int.max), "limit": .int(Int.max), "selection": "autowindow"]
        #expect(try await platform.ok("read", [.string(port), query]).arrayValue?.count == 3)
    }

    @Test func preprocessDivisionOfTheSmallestIntegerByMinusOneIsRefused() async throws {
        let platform = try TestPlatform.inMemory()
        for operation in ["div", "mod", "mul"] {
            let port = try await platform.dataport("integer", extra: ["preprocess": [[.string(operation), -1]]])
            let status = try await platform.status("write", [.string(port), .int(Int.min)])
            if operation == "mod" {
                #expect(status == "ok", "\(operation)")
                #expect(try await platform.points(.string(port)).first?[1] == 0)
            } else {
                #expect(status == "invalid", "\(operation)")
            }
        }
        let sum = try await platform.dataport("integer", extra: ["preprocess": [["add", .int(Int.max)]]])
        #expect(try await platform.status("write", [.string(sum), 1]) == "invalid")
    }

    @Test func clientLimitsAtTheTopOfTheRangeDoNotOverflowTheLedger() async throws {
        let platform = try TestPlatform.inMemory()
        // Asking for every count a client could hold, plus the client itself.
        let huge = try await platform.call("create", ["client", ["limits": ["client": .int(Int.max), "dataport": .int(Int.max)]]])
        #expect(huge["status"] == "ok")
        let owner = try await platform.client(["limits": ["client": .int(Int.max), "dataport": .int(Int.max)]])
        // Two children each handed the whole range: the second cannot fit.
        let first = try await platform.call("create", ["client", ["limits": ["dataport": .int(Int.max)]]], auth: owner.auth)
        #expect(first["status"] == "ok")
        let second = try await platform.call("create", ["client", ["limits": ["dataport": .int(Int.max)]]], auth: owner.auth)
        #expect(second["status"] == "limit")
        // Room is still counted right for ordinary amounts.
        #expect(try await platform.status("create", ["client", ["limits": ["dataport": 1]]], auth: owner.auth) == "limit")
        #expect(try await platform.ok("info", [.string(owner.rid), ["usage": true]])["usage"]?["dataport"] == .int(Int.max))
    }

    @Test func childrenThatInheritSumPastTheRangeStillAnswer() async throws {
        let platform = try TestPlatform.inMemory()
        // Limits inherited up to the root are unlimited, so two children may each take the whole range.
        let middle = try await platform.client()
        try await platform.ok("create", ["client", ["limits": ["dataport": .int(Int.max)]]], auth: middle.auth)
        try await platform.ok("create", ["client", ["limits": ["dataport": .int(Int.max)]]], auth: middle.auth)
        let usage = try await platform.ok("info", [.string(middle.rid), ["usage": true]])
        #expect(usage["usage"]?["dataport"] == .int(Int.max))
        // A move that charges the saturated total is refused, not trapped.
        let capped = try await platform.client(["limits": ["client": 10, "dataport": 10]])
        #expect(try await platform.status("move", [.string(middle.rid), .string(capped.rid)]) == "limit")
    }
}

@Suite("Request sizes and dates at the edges")
struct EdgeRequestTests {
    @Test func listingTaggedWithMoreTagsThanSQLiteTakesVariablesAnswers() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        try await platform.ok("tag", [.string(port), "add", "t5"])
        let tags = JSON.array((0..<300_000).map { .string("t\($0)") })
        let answer = try await platform.ok("listing", [["dataport"], ["owned": true, "tagged": tags]])
        #expect(answer == ["dataport": [.string(port)]])
    }

    @Test(arguments: ["Sun, 06 Nov 999999999999 08:49:37 GMT", "Sun, 06 Nov 99999999999999999 08:49:37 GMT", "-9223372036854775808"])
    func aLongPollSinceADateNoTimestampHoldsAnswers(_ since: String) async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("ti", "integer")])
        let answer = await device.send("GET", query: "ti", headers: [("Request-Timeout", "0"), ("If-Modified-Since", since)])
        #expect([304, 400].contains(answer.status), "\(since) answered \(answer.status) \(answer.text)")
    }
}
