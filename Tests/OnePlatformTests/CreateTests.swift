import OnePJSON
import OnePlatform
import TestSupport
import Testing

@Suite("create")
struct CreateTests {
    static let zeroLimits: JSON = [
        "client": 0, "dataport": 0, "datarule": 0, "disk": 0, "dispatch": 0, "email": 0, "email_bucket": 0, "http": 0,
        "http_bucket": 0, "share": 0, "sms": 0, "sms_bucket": 0, "xmpp": 0, "xmpp_bucket": 0,
    ]

    @Test func clientTakesDocumentedDefaults() async throws {
        let platform = try TestPlatform.inMemory()
        let rid = try #require(try await platform.ok("create", [.string(platform.platform.bootstrap.rootRID), "client", [:]]).stringValue)
        #expect(rid.count == 40 && rid == rid.lowercased())
        let info = try await platform.ok("info", [.string(rid), ["description": true, "basic": true]])
        #expect(
            info["description"] == ["limits": Self.zeroLimits, "locked": false, "meta": "", "name": "", "public": false])
        let start = JSON.int(TestTime.start)
        #expect(info["basic"] == ["created": start, "modified": start, "status": "activated", "subscribers": 0, "type": "client"])
    }

    @Test func oldClientFormDropsUndocumentedKeysAndMergesLimits() async throws {
        let platform = try TestPlatform.inMemory()
        let rid = try await platform.ok(
            "create",
            [
                "client",
                [
                    "name": "dev", "writeinterval": 60, "visibility": "private", "alias": "x",
                    "limits": ["dataport": 10, "io": 5, "email": "inherit"],
                ],
            ])
        let description = try await platform.ok("info", [rid, ["description": true]])["description"]
        var limits = try #require(Self.zeroLimits.objectValue)
        limits["dataport"] = 10
        limits["email"] = "inherit"
        #expect(description == ["limits": .object(limits), "locked": false, "meta": "", "name": "dev", "public": false])
        // The alias key of an old description maps nothing.
        #expect(try await platform.status("lookup", ["alias", "x"]) == "invalid")
    }

    @Test func newClientIsActivatedAndItsCIKWorksAtOnce() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client(["name": "device"])
        let own = try await platform.ok("lookup", ["alias", ""], auth: child.auth)
        #expect(own == .string(child.rid))
        let cik = try #require(child.auth["cik"]?.stringValue)
        #expect(cik.count == 40 && cik != child.rid)
    }

    @Test func dataportTakesDocumentedDefaults() async throws {
        let platform = try TestPlatform.inMemory()
        let rid = try await platform.dataport("float", extra: ["name": "temp", "limits": ["dataport": 3], "visibility": "parent"])
        let info = try await platform.ok("info", [.string(rid), ["description": true, "basic": true]])
        #expect(
            info["description"] == [
                "format": "float", "meta": "", "name": "temp", "preprocess": [], "public": false,
                "retention": ["count": "infinity", "duration": "infinity"], "subscribe": nil,
            ])
        let start = JSON.int(TestTime.start)
        #expect(info["basic"] == ["created": start, "modified": start, "subscribers": 0, "type": "dataport"])
    }

    @Test func dataportRetentionAndSubscribeAreKept() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("integer", alias: "source")
        let rid = try await platform.dataport(
            "integer", extra: ["retention": ["count": 10], "subscribe": ["alias": "source"], "preprocess": [["add", 1]]])
        let description = try await platform.ok("info", [.string(rid), ["description": true]])["description"]
        #expect(description?["retention"] == ["count": 10, "duration": "infinity"])
        #expect(description?["subscribe"] == .string(source))
        #expect(description?["preprocess"] == [["add", 1]])
        let sourceInfo = try await platform.ok("info", [.string(source), ["basic": true, "subscribers": true]])
        #expect(sourceInfo["basic"]?["subscribers"] == 1)
        #expect(sourceInfo["subscribers"] == [["dataport", .string(rid)]])
    }

    @Test func datarulesAndDispatchesAreStoredWithDefaults() async throws {
        let platform = try TestPlatform.inMemory()
        let rule: JSON = ["simple": ["comparison": "gt", "constant": 10, "repeat": true]]
        let datarule = try await platform.ok("create", ["datarule", ["format": "integer", "rule": rule]])
        let dispatch = try await platform.ok("create", ["dispatch", ["method": "email", "recipient": "a@b.c"]])
        let ruleInfo = try await platform.ok("info", [datarule, ["description": true, "basic": true]])
        #expect(ruleInfo["description"]?["rule"] == rule)
        #expect(ruleInfo["description"]?.objectValue?.keys == ["format", "meta", "name", "preprocess", "public", "retention", "rule", "subscribe"])
        #expect(ruleInfo["basic"]?["type"] == "datarule")
        let dispatchInfo = try await platform.ok("info", [dispatch, ["description": true, "basic": true]])
        #expect(
            dispatchInfo["description"] == [
                "locked": false, "message": "", "meta": "", "method": "email", "name": "", "preprocess": [], "public": false,
                "recipient": "a@b.c", "retention": ["count": "infinity", "duration": "infinity"], "subject": "", "subscribe": nil,
            ])
        #expect(dispatchInfo["basic"]?["status"] == "activated")
        let listing = try await platform.ok("listing", [["datarule", "dispatch"], [:]])
        #expect(listing == ["datarule": [datarule], "dispatch": [dispatch]])
    }

    @Test(arguments: [
        ["dataport", [:]] as JSON,
        ["dataport", ["format": "decimal"]],
        ["dataport", ["format": "float", "name": 5]],
        ["dataport", ["format": "float", "public": "yes"]],
        ["dataport", ["format": "float", "retention": ["count": -1]]],
        ["dataport", ["format": "float", "preprocess": [["pow", 2]]]],
        ["dataport", ["format": "float", "preprocess": [["add"]]]],
        ["dataport", ["format": "float", "preprocess": "add"]],
        ["client", ["limits": ["client": "lots"]]],
        ["client", ["locked": 1]],
        ["datarule", ["format": "float"]],
        ["datarule", ["format": "float", "rule": ["fancy": [:]]]],
        ["dispatch", ["method": "pigeon", "recipient": "x"]],
        ["dispatch", ["method": "sms"]],
    ])
    func unacceptableDescriptionsAreInvalid(arguments: JSON) async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.status("create", try #require(arguments.arrayValue)) == "invalid")
        let root = JSON.string(platform.platform.bootstrap.rootRID)
        #expect(try await platform.status("create", [root] + (arguments.arrayValue ?? [])) == "invalid")
        #expect(try await platform.ok("listing", [["client", "dataport", "datarule", "dispatch"]]) == [[], [], [], []])
    }

    @Test func unknownTypeIsInvalid() async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.status("create", [.string(platform.platform.bootstrap.rootRID), "gadget", [:]]) == "invalid")
    }

    @Test func descriptionMayBeLeftOutWhenEverythingHasADefault() async throws {
        let platform = try TestPlatform.inMemory()
        let rid = try await platform.ok("create", [.string(platform.platform.bootstrap.rootRID), "client"])
        #expect(try await platform.ok("listing", [["client"]]) == [[rid]])
        #expect(try await platform.status("create", ["dataport"]) == "invalid")
    }

    @Test func subscribingToAnUnreachableResourceIsRestricted() async throws {
        let platform = try TestPlatform.inMemory()
        #expect(
            try await platform.status("create", ["dataport", ["format": "float", "subscribe": .string(String(repeating: "b", count: 40))]])
                == "restricted")
    }

    @Test func createUnderADescendantClient() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let rid = try await platform.ok("create", [.string(child.rid), "dataport", ["format": "string"]])
        #expect(try await platform.ok("listing", [.string(child.rid), ["dataport"], [:]]) == ["dataport": [rid]])
        #expect(try await platform.ok("listing", [["dataport"]]) == [[]])
    }

    @Test func createUnderAResourceOutOfReachIsRestricted() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        #expect(try await platform.status("create", [.string(second.rid), "dataport", ["format": "float"]], auth: first.auth) == "restricted")
    }

    @Test func createUnderADataportIsInvalid() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float")
        #expect(try await platform.status("create", [.string(port), "dataport", ["format": "float"]]) == "invalid")
    }

    @Test func badShapesFailWithArguments() async throws {
        let platform = try TestPlatform.inMemory()
        for arguments: [JSON] in [[], [5], ["dataport", 5], ["a", "b", "c", "d"]] {
            let answer = try await platform.call("create", arguments)
            #expect(answer["error"]?["context"] == "arguments", "\(arguments)")
        }
    }
}
