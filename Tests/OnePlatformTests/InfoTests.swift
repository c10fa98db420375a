import OnePJSON
import OnePlatform
import Testing

@Suite("info")
struct InfoTests {
    @Test func emptyOptionsAnswerEverySectionTheOwnerMaySee() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        for arguments: [JSON] in [[.string(child.rid)], [.string(child.rid), [:]], [.string(child.rid), nil]] {
            let info = try await platform.ok("info", arguments)
            #expect(
                info.objectValue?.keys == [
                    "aliases", "basic", "comments", "counts", "description", "key", "shares", "subscribers", "tagged", "tags", "usage",
                ])
            #expect(info["key"] == child.auth["cik"])
            #expect(info["shares"] == [] && info["tags"] == [] && info["tagged"] == [] && info["comments"] == [])
        }
    }

    @Test func keyIsForTheDirectOwnerOnly() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let grandchild = try await platform.client(auth: child.auth)
        let byRoot = try await platform.ok("info", [.string(grandchild.rid), [:]])
        #expect(byRoot["key"] == nil)
        #expect(byRoot["aliases"] == nil && byRoot["shares"] == nil && byRoot["tagged"] == nil)
        #expect(byRoot["basic"] != nil && byRoot["description"] != nil && byRoot["usage"] != nil)
        let asked = try await platform.ok("info", [.string(grandchild.rid), ["key": true, "aliases": true]])
        #expect(asked == [:])
        let bySelf = try await platform.ok("info", [["alias": ""], [:]], auth: grandchild.auth)
        #expect(bySelf["key"] == nil)
        #expect(bySelf["aliases"] == [:])
        let byOwner = try await platform.ok("info", [.string(grandchild.rid), ["key": true]], auth: child.auth)
        #expect(byOwner["key"] == grandchild.auth["cik"])
    }

    @Test func exactlyTheRequestedSections() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        let info = try await platform.ok(
            "info", [.string(port), ["basic": true, "storage": true, "key": true, "usage": true, "counts": true, "bogus": true]])
        #expect(info.objectValue?.keys == ["basic", "storage"])
        #expect(info["storage"] == ["count": 0, "first": 0, "last": 0, "size": 0])
    }

    @Test func storageCountsPoints() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", alias: "p")
        try await platform.ok("record", [["alias": "p"], [[100, 1], [300, 22], [200, 333]], [:]])
        let storage = try await platform.ok("info", [["alias": "p"], ["storage": true]])["storage"]
        #expect(storage?["count"] == 3)
        #expect(storage?["first"] == 100)
        #expect(storage?["last"] == 300)
        #expect((storage?["size"]?.intValue ?? 0) > 0)
        _ = port
    }

    @Test func aliasesCountsAndUsageOfAClient() async throws {
        let platform = try TestPlatform.inMemory()
        let temp = try await platform.dataport("float", alias: "temp")
        try await platform.ok("map", ["alias", .string(temp), "temperature"])
        let child = try await platform.client()
        try await platform.dataport("float", auth: child.auth)
        try await platform.ok("write", [["alias": "temp"], 1])
        let info = try await platform.ok("info", [["alias": ""], ["aliases": true, "counts": true, "usage": true]])
        #expect(info["aliases"] == .object(JSONObject([(temp, JSON.array(["temp", "temperature"]))])))
        #expect(info["counts"]?["client"] == 1)
        #expect(info["counts"]?["dataport"] == 1)
        #expect(info["usage"]?["client"] == 1)
        #expect(info["usage"]?["dataport"] == 2)
        #expect(info["usage"]?["share"] == 0)
        #expect((info["usage"]?["disk"]?.intValue ?? 0) > 0)
        #expect(
            info["counts"]?.objectValue?.keys.sorted() == [
                "client", "dataport", "datarule", "disk", "dispatch", "email", "http", "share", "sms", "xmpp",
            ])
    }

    @Test func lockedClientShowsLockedStatus() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client(["locked": true])
        #expect(try await platform.ok("info", [.string(child.rid), ["basic": true]])["basic"]?["status"] == "locked")
    }

    @Test func droppedAndUnknownResourcesAreRestrictedAndUnknownAliasesInvalid() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float")
        try await platform.ok("drop", [.string(port)])
        #expect(try await platform.status("info", [.string(port), [:]]) == "restricted")
        #expect(try await platform.status("info", ["not-a-rid"]) == "restricted")
        #expect(try await platform.status("info", [["alias": "nothing"]]) == "invalid")
    }

    @Test func ancestorsOnlySeeDownward() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        #expect(try await platform.status("info", [.string(platform.platform.bootstrap.rootRID)], auth: child.auth) == "restricted")
    }

    @Test func optionsMustBeAnObject() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try await platform.call("info", [["alias": ""], "basic"])
        #expect(answer["error"]?["context"] == "arguments")
    }
}
