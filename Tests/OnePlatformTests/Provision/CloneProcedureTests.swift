import OnePJSON
import OnePlatform
import Testing

@Suite struct CloneProcedureTests {
    @Test func cloneByRIDCopiesTheSubtree() async throws {
        let fixture = try ProvisionFixture.make()
        let rpc = fixture.rpc
        let template = try await rpc.client(["name": "tpl"])
        let source = try await rpc.dataport("integer", alias: "src", auth: template.auth)
        let rule = try #require(
            try await rpc.ok(
                "create",
                [
                    "datarule",
                    ["format": "integer", "subscribe": .string(source), "rule": ["simple": ["comparison": "gt", "constant": 1, "repeat": true]]],
                ],
                auth: template.auth
            ).stringValue)
        let child = try await rpc.client(["name": "child"], auth: template.auth)
        try await rpc.dataport("float", alias: "inner", auth: child.auth)
        try await rpc.ok("write", [.string(source), 5], auth: template.auth)

        let clone = try #require(try await rpc.ok("create", ["clone", ["rid": .string(template.rid)]]).stringValue)
        let info = try await rpc.ok("info", [.string(clone), ["basic": true, "key": true, "aliases": true]])
        #expect(info["basic"]?["status"] == "notactivated")
        #expect(info["key"]?.stringValue != template.auth["cik"]?.stringValue)
        let listing = try await rpc.ok("listing", [.string(clone), ["client", "dataport", "datarule"], [:]])
        let ports = try #require(listing["dataport"]?.arrayValue)
        let rules = try #require(listing["datarule"]?.arrayValue)
        #expect(ports.count == 1 && rules.count == 1 && listing["client"]?.arrayValue?.count == 1)
        #expect(ports[0] != .string(source) && rules[0] != .string(rule))
        // The copied rule subscribes to the copied port, not the original.
        let ruleInfo = try await rpc.ok("info", [rules[0], ["description": true]])
        #expect(ruleInfo["description"]?["subscribe"] == ports[0])
        #expect(try await rpc.points(ports[0]).map { $0[1] } == [5])
        let aliases = try #require(info["aliases"]?.objectValue)
        #expect(aliases[ports[0].stringValue ?? ""] == ["src"])
        let childRID = try #require(listing["client"]?[0])
        let inner = try await rpc.ok("listing", [childRID, ["dataport"], [:]])
        #expect(inner["dataport"]?.arrayValue?.count == 1)
    }

    @Test func cloneOptionsAndParent() async throws {
        let fixture = try ProvisionFixture.make()
        let rpc = fixture.rpc
        let template = try await rpc.client()
        let port = try await rpc.dataport("string", alias: "a", auth: template.auth)
        try await rpc.ok("write", [.string(port), "x"], auth: template.auth)
        let parent = try await rpc.client()
        let clone = try #require(
            try await rpc.ok("create", [.string(parent.rid), "clone", ["rid": .string(template.rid), "noaliases": true, "nohistorical": true]])
                .stringValue)
        let children = try await rpc.ok("listing", [.string(parent.rid), ["client"], [:]])
        #expect(children["client"] == [.string(clone)])
        // Only the direct owner sees a client's aliases.
        let info = try await rpc.ok("info", [.string(clone), ["aliases": true]], auth: parent.auth)
        #expect(info["aliases"] == [:])
        let ports = try #require(try await rpc.ok("listing", [.string(clone), ["dataport"], [:]])["dataport"]?.arrayValue)
        #expect(try await rpc.points(ports[0]).isEmpty)
    }

    @Test func cloneByUnactivatedShareCode() async throws {
        let fixture = try ProvisionFixture.make()
        let rpc = fixture.rpc
        let template = try await rpc.client(["name": "shared"])
        try await rpc.dataport("integer", auth: template.auth)
        let code = try #require(try await rpc.ok("share", [.string(template.rid), [:]]).stringValue)
        let clone = try #require(try await rpc.ok("create", ["clone", ["code": .string(code)]]).stringValue)
        let info = try await rpc.ok("info", [.string(clone), ["description": true]])
        #expect(info["description"]?["name"] == "shared")
        #expect(try await rpc.status("create", ["clone", ["code": "0000000000000000000000000000000000000000"]]) == "invalid")
        // Once activated, the code no longer names a template.
        let other = try await rpc.client()
        try await rpc.ok("activate", [["alias": ""], "share", .string(code)], auth: other.auth)
        #expect(try await rpc.status("create", ["clone", ["code": .string(code)]]) == "invalid")
        #expect(try await rpc.status("create", ["clone", ["rid": .string(template.rid), "code": .string(code)]]) == "fail")
    }

    @Test func cloneRespectsTheParentsClientLimit() async throws {
        let fixture = try ProvisionFixture.make()
        let rpc = fixture.rpc
        let template = try await rpc.client()
        let parent = try await rpc.client(["limits": ["client": 0]])
        #expect(try await rpc.status("create", [.string(parent.rid), "clone", ["rid": .string(template.rid)]]) == "limit")
    }

    @Test func cloneRefusesBadArguments() async throws {
        let fixture = try ProvisionFixture.make()
        let rpc = fixture.rpc
        let port = try await rpc.dataport("integer")
        #expect(try await rpc.status("create", ["clone", ["rid": .string(port)]]) == "invalid")
        #expect(try await rpc.status("create", ["clone", ["rid": .string(String(repeating: "c", count: 40))]]) == "restricted")
        #expect(try await rpc.status("create", ["clone", [:]]) == "fail")
        #expect(try await rpc.status("create", ["clone", ["rid": 5]]) == "fail")
        #expect(try await rpc.status("create", ["clone", ["rid": .string(port), "extra": true]]) == "fail")
        #expect(try await rpc.status("create", ["clone", ["rid": .string(port), "noaliases": "yes"]]) == "fail")
        // Nothing half-made stays behind.
        let children = try await rpc.ok("listing", [["alias": ""], ["client"], [:]])
        #expect(children["client"] == [])
    }
}
