import OnePJSON
import Testing

/// clients.md "Older argument forms still sent": each old form works beside the documented one.
@Suite struct OlderArgumentFormContractTests {
    @Test func createTakesTheParentOrImpliesTheCaller() async throws {
        try await ContractServer.run { env in
            let documented = try #require(try await env.ok("create", [["alias": ""], "client", ["name": "a"]]).stringValue)
            let shortClient = try #require(try await env.ok("create", ["client", ["name": "b"]]).stringValue)
            let shortPort = try #require(try await env.ok("create", ["dataport", ["format": "float"]]).stringValue)
            let listing = try await env.ok("listing", [.string(env.rootRID), ["client", "dataport"], ["owned": true]])
            #expect(listing["client"]?.arrayValue?.contains(.string(documented)) == true)
            #expect(listing["client"]?.arrayValue?.contains(.string(shortClient)) == true)
            #expect(listing["dataport"]?.arrayValue?.contains(.string(shortPort)) == true)
        }
    }

    @Test func createIgnoresKeysOldClientsAddAndInfoEchoesOnlyDocumentedKeys() async throws {
        try await ContractServer.run { env in
            let description: JSON = [
                "format": "integer", "name": "old", "writeinterval": 60, "visibility": "private", "alias": "oldport",
                "limits": ["io": 10],
            ]
            let port = try #require(try await env.ok("create", ["dataport", description]).stringValue)
            let stored = try #require(try await env.ok("info", [.string(port), ["description": true]])["description"]?.objectValue)
            #expect(Set(stored.keys) == ["format", "meta", "name", "preprocess", "public", "retention", "subscribe"])
            #expect(stored["format"] == "integer")
            #expect(stored["meta"] == "")
            #expect(stored["preprocess"] == [])
            #expect(stored["public"] == false)
            #expect(stored["subscribe"] == .null)
            #expect(try await env.status("lookup", ["alias", "oldport"]) == "invalid")
            let client = try #require(
                try await env.ok("create", ["client", ["name": "oldclient", "limits": ["io": 5, "dataport": 2], "writeinterval": 1]]).stringValue)
            let clientDescription = try #require(try await env.ok("info", [.string(client), ["description": true]])["description"]?.objectValue)
            #expect(Set(clientDescription.keys) == ["limits", "locked", "meta", "name", "public"])
            let limits = try #require(clientDescription["limits"]?.objectValue)
            let documentedLimits: Set<String> = [
                "client", "dataport", "datarule", "disk", "dispatch", "email", "email_bucket", "http", "http_bucket", "share", "sms",
                "sms_bucket", "xmpp", "xmpp_bucket",
            ]
            #expect(Set(limits.keys) == documentedLimits)
            #expect(limits["dataport"] == 2)
            #expect(limits["datarule"] == 0)
            #expect(clientDescription["locked"] == false)
        }
    }

    @Test func listingWithTypesOnlyAnswersListsInTypeOrder() async throws {
        try await ContractServer.run { env in
            let port = try #require(try await env.ok("create", ["dataport", ["format": "float"]]).stringValue)
            let client = try #require(try await env.ok("create", ["client", ["name": "c"]]).stringValue)
            let answer = try await env.ok("listing", [["dataport", "client", "datarule"]])
            // Root may own seeded clients too, so the client list is compared with the documented form's.
            let clients = try await env.ok("listing", [.string(env.rootRID), ["client"], ["owned": true]])["client"]
            #expect(clients?.arrayValue?.contains(.string(client)) == true)
            #expect(answer == [[.string(port)], clients ?? [], []])
        }
    }

    @Test func listingWithTypesAndOptionsAnswersTheDocumentedObject() async throws {
        try await ContractServer.run { env in
            let port = try #require(try await env.ok("create", ["dataport", ["format": "float"]]).stringValue)
            #expect(try await env.ok("listing", [["dataport"], ["owned": true]]) == ["dataport": [.string(port)]])
            #expect(try await env.ok("listing", [.string(env.rootRID), ["dataport"], ["owned": true]]) == ["dataport": [.string(port)]])
        }
    }

    @Test func lookupTakesTwoArgumentsAndAliasedMeansAlias() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            #expect(try await env.ok("lookup", [["alias": ""], "alias", "temp"]) == .string(port))
            #expect(try await env.ok("lookup", ["alias", "temp"]) == .string(port))
            #expect(try await env.ok("lookup", ["aliased", "temp"]) == .string(port))
            #expect(try await env.ok("lookup", [["alias": ""], "aliased", "temp"]) == .string(port))
        }
    }

    @Test func unmapTakesTwoArguments() async throws {
        try await ContractServer.run { env in
            _ = try await env.dataport("first")
            _ = try await env.dataport("second")
            _ = try await env.ok("unmap", [["alias": ""], "alias", "first"])
            _ = try await env.ok("unmap", ["alias", "second"])
            #expect(try await env.status("lookup", ["alias", "first"]) == "invalid")
            #expect(try await env.status("lookup", ["alias", "second"]) == "invalid")
        }
    }

    @Test func activateAndDeactivateTakeTwoArguments() async throws {
        try await ContractServer.run { env in
            let owner = try await env.client("owner")
            let reader = try await env.client("reader")
            let ownerAuth: JSON = ["cik": .string(owner.cik)]
            let readerAuth: JSON = ["cik": .string(reader.cik)]
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: ownerAuth).stringValue)
            let code = try #require(try await env.ok("share", [.string(port)], auth: ownerAuth).stringValue)
            _ = try await env.ok("activate", ["share", .string(code)], auth: readerAuth)
            #expect(try await env.status("read", [.string(port), [:]], auth: readerAuth) == "ok")
            _ = try await env.ok("deactivate", ["share", .string(code)], auth: readerAuth)
            #expect(try await env.status("read", [.string(port), [:]], auth: readerAuth) == "restricted")
            let again = try #require(try await env.ok("share", [.string(port)], auth: ownerAuth).stringValue)
            _ = try await env.ok("activate", [.string(reader.rid), "share", .string(again)], auth: readerAuth)
            _ = try await env.ok("deactivate", [.string(reader.rid), "share", .string(again)], auth: readerAuth)
            #expect(try await env.status("read", [.string(port), [:]], auth: readerAuth) == "restricted")
        }
    }

    @Test func writeAcceptsATrailingEmptyOptionsObject() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            _ = try await env.ok("write", [.string(port), 1.5])
            env.clock.advance(by: 1)
            _ = try await env.ok("write", [.string(port), 2.5, [:]])
            #expect(try await env.read(.string(port)) == [[1_700_000_001, 2.5], [1_700_000_000, 1.5]])
        }
    }

    @Test func recordTakesOptionsAndRecordbatchTakesNone() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp", format: "integer")
            _ = try await env.ok("record", [.string(port), [[1_600_000_000, 1], [1_600_000_001, 2]], [:]])
            _ = try await env.ok("recordbatch", [.string(port), [[1_600_000_002, 3]]])
            #expect(try await env.read(.string(port)) == [[1_600_000_002, 3], [1_600_000_001, 2], [1_600_000_000, 1]])
        }
    }

    @Test func flushWithOnlyTheRIDRemovesEverything() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp", format: "integer")
            _ = try await env.ok("record", [.string(port), [[1_600_000_000, 1], [1_600_000_001, 2]], [:]])
            _ = try await env.ok("flush", [.string(port)])
            #expect(try await env.read(.string(port)) == [])
        }
    }

    @Test func shareMetaUpdatesThroughEitherOptionsForm() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let code = try #require(try await env.ok("share", [.string(port), ["meta": "first"]]).stringValue)
            _ = try await env.ok("share", [.string(port), ["meta": "second", "code": .string(code)]])
            #expect(try await shareMeta(env, port, code) == "second")
            _ = try await env.ok("share", [.string(port), ["share": .string(code), "meta": "third"]])
            #expect(try await shareMeta(env, port, code) == "third")
        }
    }

    private func shareMeta(_ env: ContractServer, _ port: String, _ code: String) async throws -> JSON? {
        let shares = try await env.ok("info", [.string(port), ["shares": true]])["shares"]?.arrayValue ?? []
        return shares.first { $0["code"] == .string(code) }?["meta"]
    }

    @Test func infoWithTheRIDAloneOrEmptyOptionsAnswersEverything() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let bare = try await env.ok("info", [.string(port)])
            let empty = try await env.ok("info", [.string(port), [:]])
            #expect(bare == empty)
            let keys = Set(bare.objectValue?.keys ?? [])
            #expect(keys.isSuperset(of: ["basic", "comments", "description", "shares", "storage", "subscribers", "tags"]))
            let client = try await env.client("device")
            let clientKeys = Set(try await env.ok("info", [.string(client.rid)]).objectValue?.keys ?? [])
            #expect(clientKeys.isSuperset(of: ["aliases", "basic", "comments", "description", "key", "shares", "tags", "tagged", "usage"]))
        }
    }

    @Test func moveRecreatesAliasesInTheDestinationUnlessToldNot() async throws {
        try await ContractServer.run { env in
            let source = try await env.client("source")
            let destination = try await env.client("destination")
            let sourceAuth: JSON = ["cik": .string(source.cik)]
            let destinationAuth: JSON = ["cik": .string(destination.cik)]
            var ports: [String] = []
            for alias in ["kept", "dropped"] {
                let port = try #require(try await env.ok("create", ["dataport", ["format": "float"]], auth: sourceAuth).stringValue)
                _ = try await env.ok("map", ["alias", .string(port), .string(alias)], auth: sourceAuth)
                ports.append(port)
            }
            _ = try await env.ok("move", [.string(ports[0]), .string(destination.rid)])
            #expect(try await env.ok("lookup", ["alias", "kept"], auth: destinationAuth) == .string(ports[0]))
            _ = try await env.ok("move", [.string(ports[1]), .string(destination.rid), ["aliases": false]])
            #expect(try await env.status("lookup", ["alias", "dropped"], auth: destinationAuth) == "invalid")
            #expect(try await env.status("lookup", ["alias", "dropped"], auth: sourceAuth) == "invalid")
        }
    }
}
