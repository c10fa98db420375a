import OnePJSON
import OnePlatform
import TestSupport
import Testing

@Suite("update and drop")
struct ResourceTests {
    @Test func updateMergesIntoTheDescription() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float", extra: ["name": "before", "meta": "m"])
        platform.clock.advance(by: 60)
        try await platform.ok("update", [.string(port), ["name": "after", "retention": ["count": 5], "junk": 1]])
        let info = try await platform.ok("info", [.string(port), ["description": true, "basic": true]])
        #expect(info["description"]?["name"] == "after")
        #expect(info["description"]?["meta"] == "m")
        #expect(info["description"]?["retention"] == ["count": 5, "duration": "infinity"])
        #expect(info["description"]?["junk"] == nil)
        #expect(info["basic"]?["modified"] == .int(TestTime.start + 60))
        #expect(info["basic"]?["created"] == .int(TestTime.start))
    }

    @Test func updateMergesClientLimits() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client(["limits": ["dataport": 5]])
        try await platform.ok("update", [.string(child.rid), ["limits": ["client": 2]]])
        let limits = try await platform.ok("info", [.string(child.rid), ["description": true]])["description"]?["limits"]
        #expect(limits?["dataport"] == 5)
        #expect(limits?["client"] == 2)
    }

    @Test func formatNeverChanges() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        #expect(try await platform.status("update", [.string(port), ["format": "string", "name": "x"]]) == "invalid")
        let description = try await platform.ok("info", [.string(port), ["description": true]])["description"]
        #expect(description?["format"] == "integer")
        #expect(description?["name"] == "")
        #expect(try await platform.status("update", [.string(port), ["format": "integer"]]) == "ok")
    }

    @Test func nothingUpdatesItself() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        #expect(try await platform.status("update", [["alias": ""], ["limits": ["client": 100]]], auth: child.auth) == "restricted")
        #expect(try await platform.status("update", [["alias": ""], ["name": "me"]]) == "restricted")
    }

    @Test func updateRejectsBadValuesAndShapes() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float")
        #expect(try await platform.status("update", [.string(port), ["public": "no"]]) == "invalid")
        #expect(try await platform.call("update", [.string(port)])["error"]?["context"] == "arguments")
        #expect(try await platform.call("update", [.string(port), "name"])["error"]?["context"] == "arguments")
        #expect(try await platform.status("update", [.string(String(repeating: "c", count: 40)), ["name": "x"]]) == "restricted")
    }

    @Test func dropIsRecursiveAndFreesAliasesAndPoints() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let inner = try await platform.dataport("integer", alias: "inner", auth: child.auth)
        try await platform.ok("write", [["alias": "inner"], 5], auth: child.auth)
        try await platform.ok("map", ["alias", .string(inner), "deep"])
        try await platform.ok("map", ["alias", .string(child.rid), "device"])
        try await platform.ok("drop", [["alias": "device"]])
        #expect(try await platform.status("info", [.string(inner)]) == "restricted")
        #expect(try await platform.status("read", [.string(inner), [:]]) == "restricted")
        #expect(try await platform.status("lookup", ["alias", "deep"]) == "invalid")
        #expect(try await platform.ok("listing", [["client", "dataport"], ["owned": true, "aliased": true]]) == ["client": [], "dataport": []])
        let usage = try await platform.ok("info", [["alias": ""], ["usage": true]])["usage"]
        #expect(usage?["disk"] == 0 && usage?["dataport"] == 0)
        // The freed alias can be used again.
        let port = try await platform.dataport("float")
        try await platform.ok("map", ["alias", .string(port), "device"])
    }

    @Test func dropRefusesItselfAndStrangers() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        #expect(try await platform.status("drop", [["alias": ""]], auth: first.auth) == "restricted")
        #expect(try await platform.status("drop", [.string(second.rid)], auth: first.auth) == "restricted")
        #expect(try await platform.call("drop", [])["error"]?["context"] == "arguments")
    }
}

@Suite("map, unmap, lookup")
struct AliasTests {
    @Test func mapAndLookup() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float", alias: "temp")
        let root = JSON.string(platform.platform.bootstrap.rootRID)
        #expect(try await platform.ok("lookup", ["alias", "temp"]) == .string(port))
        #expect(try await platform.ok("lookup", ["aliased", "temp"]) == .string(port))
        #expect(try await platform.ok("lookup", [root, "alias", "temp"]) == .string(port))
        #expect(try await platform.ok("lookup", ["alias", ""]) == root)
        #expect(try await platform.status("lookup", ["alias", "missing"]) == "invalid")
    }

    @Test func takenAliasIsInUse() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "temp")
        let other = try await platform.dataport("float")
        #expect(try await platform.status("map", ["alias", .string(other), "temp"]) == "inuse")
        #expect(try await platform.status("map", ["alias", .string(other), ""]) == "invalid")
        #expect(try await platform.call("map", ["name", .string(other), "x"])["error"]?["context"] == "arguments")
        #expect(try await platform.status("map", ["alias", .string(String(repeating: "d", count: 40)), "x"]) == "restricted")
    }

    @Test func unmapBothFormsAndMissingAliasIsOK() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float", alias: "a")
        try await platform.ok("map", ["alias", .string(port), "b"])
        try await platform.ok("unmap", ["alias", "a"])
        try await platform.ok("unmap", [.string(platform.platform.bootstrap.rootRID), "alias", "b"])
        try await platform.ok("unmap", ["alias", "never-mapped"])
        #expect(try await platform.status("lookup", ["alias", "a"]) == "invalid")
        #expect(try await platform.status("lookup", ["alias", "b"]) == "invalid")
        #expect(try await platform.call("unmap", ["alias"])["error"]?["context"] == "arguments")
    }

    @Test func aliasesBelongToTheClientThatMappedThem() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let port = try await platform.dataport("float", alias: "mine", auth: child.auth)
        // The root mapped no "mine": an alias nobody mapped is invalid, as on the hosted platform.
        #expect(try await platform.status("read", [["alias": "mine"], [:]]) == "invalid")
        #expect(try await platform.ok("lookup", [.string(child.rid), "alias", "mine"]) == .string(port))
    }

    @Test func ownerLookupStaysInTheSubhierarchy() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let port = try await platform.dataport("float", auth: child.auth)
        #expect(try await platform.ok("lookup", ["owner", .string(port)]) == .string(child.rid))
        #expect(try await platform.ok("lookup", ["owner", .string(port)], auth: child.auth) == .string(child.rid))
        #expect(try await platform.ok("lookup", ["owner", .string(child.rid)]) == .string(platform.platform.bootstrap.rootRID))
        #expect(try await platform.status("lookup", ["owner", ["alias": ""]], auth: child.auth) == "restricted")
        #expect(try await platform.status("lookup", ["owner", .string(platform.platform.bootstrap.rootRID)], auth: child.auth) == "restricted")
    }

    @Test func sharedCodesAreNotFoundUntilSharesExist() async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.status("lookup", ["shared", "0123456789012345678901234567890123456789"]) == "notfound")
    }

    @Test func unknownLookupTypeFailsWithArguments() async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.call("lookup", ["colour", "x"])["error"]?["context"] == "arguments")
        #expect(try await platform.call("lookup", ["alias", 5])["error"]?["context"] == "arguments")
    }
}
