import OnePJSON
import OnePlatform
import Testing

@Suite("listing")
struct ListingTests {
    @Test func everyArgumentForm() async throws {
        let platform = try TestPlatform.inMemory()
        let root = JSON.string(platform.platform.bootstrap.rootRID)
        let first = try await platform.dataport("float")
        let second = try await platform.dataport("string")
        let client = try await platform.client()
        let ports: JSON = [.string(first), .string(second)]
        #expect(try await platform.ok("listing", [["dataport", "client"]]) == [ports, [.string(client.rid)]])
        #expect(try await platform.ok("listing", [root, ["client", "dataport"]]) == [[.string(client.rid)], ports])
        #expect(try await platform.ok("listing", [["dataport"], [:]]) == ["dataport": ports])
        #expect(try await platform.ok("listing", [root, ["dataport", "datarule"], [:]]) == ["dataport": ports, "datarule": []])
        #expect(try await platform.ok("listing", [["alias": ""], ["dataport"], ["owned": true]]) == ["dataport": ports])
    }

    @Test func aliasedListsWhatTheClientMapped() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let port = try await platform.dataport("float", auth: child.auth)
        let own = try await platform.dataport("float", alias: "own")
        try await platform.ok("map", ["alias", .string(port), "deep"])
        #expect(try await platform.ok("listing", [["dataport"], ["aliased": true]]) == ["dataport": [.string(own), .string(port)]])
        #expect(try await platform.ok("listing", [["dataport"], ["owned": true, "aliased": true]]) == ["dataport": [.string(own), .string(port)]])
        #expect(try await platform.ok("listing", [["dataport"], ["activated": true]]) == ["dataport": []])
        #expect(try await platform.ok("listing", [["dataport"], ["owned": true, "tagged": ["x"]]]) == ["dataport": []])
    }

    @Test func publicListsPublicResources() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let open = try await platform.dataport("float", extra: ["public": true], auth: child.auth)
        try await platform.dataport("float", auth: child.auth)
        #expect(try await platform.ok("listing", [["dataport"], ["public": true]]) == ["dataport": [.string(open)]])
    }

    @Test func invalidTypeAnswersError() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try await platform.call("listing", [["dataport", "gizmo"], [:]])
        #expect(answer["status"] == "error")
        #expect(answer["result"]?.stringValue != nil)
    }

    @Test func listingOutOfReachIsRestricted() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        #expect(
            try await platform.status("listing", [.string(platform.platform.bootstrap.rootRID), ["client"], [:]], auth: child.auth) == "restricted")
    }

    @Test func badShapesFailWithArguments() async throws {
        let platform = try TestPlatform.inMemory()
        for arguments: [JSON] in [[], [["alias": ""]], [["dataport"], 5], [["dataport"], ["tagged": "x"]]] {
            #expect(try await platform.call("listing", arguments)["error"]?["context"] == "arguments", "\(arguments)")
        }
    }
}
