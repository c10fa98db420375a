import OnePJSON
import OnePlatform
import Testing

/// Numbers are stored exactly or refused: integers are never rounded through a double, and a
/// number out of range (`1e400`, past 64 bits) is `invalid` wherever it appears.
@Suite("Exact numbers")
struct NumberExactnessTests {
    /// A write of `literal` as raw JSON text, so the number reaches the platform exactly as written.
    private func writeStatus(_ platform: TestPlatform, _ port: String, _ literal: String) async throws -> String? {
        let body =
            #"{"auth":{"cik":"\#(platform.platform.bootstrap.rootCIK)"},"calls":[{"id":1,"procedure":"write","arguments":["\#(port)",\#(literal)]}]}"#
        return try JSON(parsing: await platform.send(body))[0]?["status"]?.stringValue
    }

    @Test(arguments: ["string", "float", "integer"])
    func outOfRangeFloatsAreInvalidForEveryFormat(_ format: String) async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport(format)
        for literal in ["1e400", "-1e400", "1.8e308"] {
            #expect(try await writeStatus(platform, port, literal) == "invalid", "\(literal) to \(format)")
        }
        #expect(try await platform.points(.string(port)) == [])
    }

    @Test(arguments: ["string", "float", "integer"])
    func integersPastSixtyFourBitsAreInvalidForEveryFormat(_ format: String) async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport(format)
        for literal in ["9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"] {
            #expect(try await writeStatus(platform, port, literal) == "invalid", "\(literal) to \(format)")
        }
        #expect(try await platform.points(.string(port)) == [])
    }

    @Test func theEdgesOfSixtyFourBitsAreStoredExactly() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        try await platform.ok("record", [.string(port), [[1, .int(Int.min)], [2, .int(Int.max)], [3, 9_007_199_254_740_993]], [:]])
        #expect(try await platform.points(.string(port)) == [[1, .int(Int.min)], [2, .int(Int.max)], [3, 9_007_199_254_740_993]])
    }

    @Test func integersWrittenAsTextAreExact() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        try await platform.ok("record", [.string(port), [[1, "9007199254740993"], [2, " -9223372036854775808 "], [3, "1e3"], [4, "+5"]], [:]])
        #expect(try await platform.points(.string(port)) == [[1, 9_007_199_254_740_993], [2, .int(Int.min)], [3, 1000], [4, 5]])
        for text in ["-9223372036854775809", "9223372036854775808", "0x10", "inf", "nan", "1.5", ""] {
            #expect(try await platform.status("write", [.string(port), .string(text)]) == "invalid", "\(text)")
        }
        let float = try await platform.dataport("float")
        for text in ["1e400", "-inf", "NaN", "0x1p3", "infinity"] {
            #expect(try await platform.status("write", [.string(float), .string(text)]) == "invalid", "\(text)")
        }
    }

    @Test func integersAndFloatsStayApart() async throws {
        let platform = try TestPlatform.inMemory()
        let float = try await platform.dataport("float")
        let string = try await platform.dataport("string")
        try await platform.ok("write", [.string(float), 1])
        try await platform.ok("write", [.string(string), 2.5])
        #expect(try await platform.points(.string(float)) == [[.int(Int(TestPlatform.start)), .double(1.0)]])
        #expect(try await platform.points(.string(string)) == [[.int(Int(TestPlatform.start)), "2.5"]])
    }

    @Test func outOfRangeNumbersAreInvalidInEveryArgument() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        let device = try await platform.client()
        let root = platform.platform.bootstrap.rootCIK
        let calls = [
            #"{"procedure":"read","arguments":["\#(port)",{"limit":1e400}]}"#,
            #"{"procedure":"read","arguments":["\#(port)",{"starttime":-9223372036854775809}]}"#,
            #"{"procedure":"grant","arguments":["\#(device.rid)",{"\#(device.rid)":["read"]},{"ttl":1e400}]}"#,
            #"{"procedure":"record","arguments":["\#(port)",[[1e400,1]],{}]}"#,
            #"{"procedure":"flush","arguments":["\#(port)",{"olderthan":99999999999999999999}]}"#,
            #"{"procedure":"usage","arguments":[{"alias":""},"dataport",0,1e400]}"#,
            #"{"procedure":"wait","arguments":["\#(port)",{"timeout":1e400}]}"#,
            #"{"procedure":"update","arguments":["\#(port)",{"retention":{"count":1e400}}]}"#,
            #"{"procedure":"create","arguments":["dataport",{"format":"integer","preprocess":[["add",-1e400]]}]}"#,
            #"{"procedure":"create","arguments":["datarule",{"format":"integer","rule":{"simple":{"comparison":"gt","constant":1e400}}}]}"#,
        ]
        for call in calls {
            let body = #"{"auth":{"cik":"\#(root)"},"calls":[\#(call.dropLast()),"id":1}]}"#
            let answer = try JSON(parsing: await platform.send(body))
            #expect(answer[0]?["status"] == "invalid", "\(call) answered \(answer.serialized())")
        }
        #expect(try await platform.points(.string(port)) == [])
    }

    @Test func dataInterfaceValuesAreExactOrRefused() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("ti", "integer"), ("tf", "float"), ("ts", "string")])
        #expect(await device.send("POST", body: "ti=9007199254740993&ts=1e400&tf=-0.5").status == 204)
        #expect(try await device.points("ti") == [[.int(Int(TestPlatform.start)), 9_007_199_254_740_993]])
        #expect(try await device.points("ts") == [[.int(Int(TestPlatform.start)), "1e400"]])
        for body in ["ti=-9223372036854775809", "ti=9223372036854775808", "ti=0x10", "tf=1e400", "tf=-1e400", "tf=nan", "tf=inf"] {
            #expect(await device.send("POST", body: body).status == 400, "\(body)")
        }
        #expect(await device.send("POST", "/onep:v1/stack/alias/ti", body: "9007199254740993=1").status == 204)
        let future = try await platform.ok("read", [["alias": "ti"], ["endtime": .int(Int.max), "limit": 1]], auth: device.auth)
        #expect(future == [[9_007_199_254_740_993, 1]])
        #expect(await device.send("POST", "/onep:v1/stack/alias/ti", body: "99999999999999999999=1").status == 400)
    }
}
