import OnePJSON
import OnePlatform
import Testing

/// An alias that does not exist answers `invalid` wherever a resource goes, as on the hosted
/// platform (client libraries create a dataport when `lookup` answers `invalid`); a RID the
/// caller does not reach stays `restricted`.
@Suite("Unknown aliases")
struct UnknownAliasTests {
    /// Calls that name a resource, with `resource` in its place.
    private static func calls(naming resource: JSON) -> [(String, [JSON])] {
        [
            ("read", [resource, [:]]),
            ("write", [resource, 1]),
            ("record", [resource, [[1, 1]], [:]]),
            ("recordbatch", [resource, [[1, 1]]]),
            ("writegroup", [[[resource, 1]]]),
            ("flush", [resource]),
            ("info", [resource, [:]]),
            ("listing", [resource, ["dataport"], [:]]),
            ("usage", [resource, "dataport", 0, 10]),
            ("update", [resource, ["name": "x"]]),
            ("drop", [resource]),
            ("move", [resource, ["alias": ""]]),
            ("map", ["alias", resource, "another"]),
            ("lookup", ["owner", resource]),
            ("lookup", [resource, "alias", "x"]),
            ("share", [resource, [:]]),
            ("tag", [resource, "add", "t"]),
            ("comment", [resource, "public", "c"]),
            ("wait", [resource, ["timeout": 0]]),
            ("create", [resource, "dataport", ["format": "integer"]]),
            ("create", ["dataport", ["format": "integer", "subscribe": resource]]),
            ("activate", [resource, "share", "0000000000000000000000000000000000000000"]),
        ]
    }

    @Test func anAliasNobodyMappedIsInvalidEverywhere() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "known")
        let calls = Self.calls(naming: ["alias": "unknown"]) + [("lookup", ["alias", "unknown"]), ("lookup", ["aliased", "unknown"])]
        let answers = try await platform.calls(calls)
        for (call, answer) in zip(calls, answers) {
            #expect(answer["status"] == "invalid", "\(call.0) \(JSON.array(call.1)) answered \(answer)")
        }
    }

    @Test func aRIDOutOfReachStaysRestricted() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let rootPort = try await platform.dataport("integer")
        for resource in [JSON.string(rootPort), .string(platform.platform.bootstrap.rootRID), .string(String(repeating: "a", count: 40))] {
            let calls = Self.calls(naming: resource)
            let answers = try await platform.calls(calls, auth: child.auth)
            for (call, answer) in zip(calls, answers) {
                #expect(answer["status"] == "restricted", "\(call.0) \(JSON.array(call.1)) answered \(answer)")
            }
        }
    }

    @Test func anAliasOfAnotherClientIsUnknownToTheCaller() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let port = try await platform.dataport("integer", alias: "theirs", auth: child.auth)
        #expect(try await platform.status("read", [["alias": "theirs"], [:]]) == "invalid")
        #expect(try await platform.status("lookup", ["alias", "theirs"]) == "invalid")
        #expect(try await platform.ok("lookup", [.string(child.rid), "alias", "theirs"]) == .string(port))
        #expect(try await platform.status("lookup", [.string(child.rid), "alias", "mine"]) == "invalid")
    }
}
