import OnePJSON
import Testing

/// clients.md "Resource identifiers": which RIDs and aliases a caller may name.
@Suite struct ResourceIdentifierContractTests {
    @Test func aRIDOutsideTheCallersSubhierarchyIsRestricted() async throws {
        try await ContractServer.run { env in
            let first = try await env.client("first")
            let second = try await env.client("second")
            let port = try #require(
                try await env.ok("create", ["dataport", ["format": "integer"]], auth: ["cik": .string(second.cik)]).stringValue)
            let firstAuth: JSON = ["cik": .string(first.cik)]
            #expect(try await env.status("read", [.string(port), [:]], auth: firstAuth) == "restricted")
            #expect(try await env.status("write", [.string(port), 1], auth: firstAuth) == "restricted")
            #expect(try await env.status("info", [.string(port), [:]], auth: firstAuth) == "restricted")
        }
    }

    @Test func aSharedResourceMayBeReadByItsActivatorButNotWritten() async throws {
        try await ContractServer.run { env in
            let owner = try await env.client("owner")
            let reader = try await env.client("reader")
            let ownerAuth: JSON = ["cik": .string(owner.cik)]
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: ownerAuth).stringValue)
            _ = try await env.ok("write", [.string(port), 8], auth: ownerAuth)
            let code = try #require(try await env.ok("share", [.string(port)], auth: ownerAuth).stringValue)
            let readerAuth: JSON = ["cik": .string(reader.cik)]
            #expect(try await env.status("read", [.string(port), [:]], auth: readerAuth) == "restricted")
            _ = try await env.ok("activate", ["share", .string(code)], auth: readerAuth)
            #expect(try await env.read(.string(port), auth: readerAuth) == [[1_700_000_000, 8]])
            #expect(try await env.status("write", [.string(port), 9], auth: readerAuth) == "restricted")
        }
    }

    @Test func aPublicResourceMayBeReadByAnyone() async throws {
        try await ContractServer.run { env in
            let owner = try await env.client("owner")
            let stranger = try await env.client("stranger")
            let ownerAuth: JSON = ["cik": .string(owner.cik)]
            let port = try #require(
                try await env.ok("create", ["dataport", ["format": "integer", "public": true]], auth: ownerAuth).stringValue)
            _ = try await env.ok("write", [.string(port), 5], auth: ownerAuth)
            let strangerAuth: JSON = ["cik": .string(stranger.cik)]
            #expect(try await env.read(.string(port), auth: strangerAuth) == [[1_700_000_000, 5]])
            #expect(try await env.status("write", [.string(port), 6], auth: strangerAuth) == "restricted")
        }
    }

    @Test func aCallerMayNameItselfByItsOwnRID() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let auth: JSON = ["cik": .string(device.cik)]
            #expect(try await env.ok("info", [.string(device.rid), ["basic": true]], auth: auth)["basic"]?["type"] == "client")
            let child = try await env.client("child", under: auth)
            let grandchild = try await env.client("grandchild", under: ["cik": .string(child.cik)])
            _ = try await env.ok("move", [.string(grandchild.rid), .string(device.rid)], auth: auth)
            #expect(
                try await env.ok("listing", [["client"], ["owned": true]], auth: auth) == ["client": [.string(child.rid), .string(grandchild.rid)]])
        }
    }

    @Test func anAliasIsOneTheCallingClientMapped() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let deviceAuth: JSON = ["cik": .string(device.cik)]
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: deviceAuth).stringValue)
            _ = try await env.ok("map", ["alias", .string(port), "mine"], auth: deviceAuth)
            #expect(try await env.ok("lookup", ["alias", "mine"], auth: deviceAuth) == .string(port))
            #expect(try await env.status("info", [["alias": "mine"], [:]]) == "invalid")
        }
    }

    /// The hosted platform answers `invalid` for an alias nobody mapped wherever a resource goes;
    /// client libraries branch on it (they create the dataport when `lookup` answers `invalid`).
    @Test func anAliasNobodyMappedIsInvalidWhereverAResourceGoes() async throws {
        try await ContractServer.run { env in
            let unknown: JSON = ["alias": "no-such-alias"]
            #expect(try await env.status("lookup", ["alias", "no-such-alias"]) == "invalid")
            #expect(try await env.status("read", [unknown, [:]]) == "invalid")
            #expect(try await env.status("write", [unknown, 1]) == "invalid")
            #expect(try await env.status("info", [unknown, [:]]) == "invalid")
            #expect(try await env.status("listing", [unknown, ["dataport"], [:]]) == "invalid")
            #expect(try await env.status("drop", [unknown]) == "invalid")
            #expect(try await env.status("recordbatch", [unknown, [[1, 1]]]) == "invalid")
            let stranger = try await env.client("stranger")
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]]).stringValue)
            #expect(try await env.status("read", [.string(port), [:]], auth: ["cik": .string(stranger.cik)]) == "restricted")
        }
    }

    /// clients.md gives `info` (but its key) only to a resource's ancestors: an activator of a
    /// share reads the shared resource and no more.
    @Test func aSharedResourceIsReadButNotDescribedOrListed() async throws {
        try await ContractServer.run { env in
            let owner = try await env.client("owner")
            let reader = try await env.client("reader")
            let ownerAuth: JSON = ["cik": .string(owner.cik)]
            let readerAuth: JSON = ["cik": .string(reader.cik)]
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: ownerAuth).stringValue)
            _ = try await env.ok("write", [.string(port), 3], auth: ownerAuth)
            for shared in [port, owner.rid] {
                let code = try #require(try await env.ok("share", [.string(shared)], auth: ownerAuth).stringValue)
                _ = try await env.ok("activate", ["share", .string(code)], auth: readerAuth)
            }
            #expect(try await env.read(.string(port), auth: readerAuth) == [[1_700_000_000, 3]])
            #expect(try await env.status("info", [.string(port), [:]], auth: readerAuth) == "restricted")
            #expect(try await env.status("info", [.string(owner.rid), ["description": true]], auth: readerAuth) == "restricted")
            #expect(try await env.status("listing", [.string(owner.rid), ["dataport"], [:]], auth: readerAuth) == "restricted")
        }
    }

    @Test func theEmptyAliasIsTheCallerItself() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let auth: JSON = ["cik": .string(device.cik)]
            let port = try #require(try await env.ok("create", [["alias": ""], "dataport", ["format": "float"]], auth: auth).stringValue)
            #expect(try await env.ok("listing", [.string(device.rid), ["dataport"], ["owned": true]]) == ["dataport": [.string(port)]])
            #expect(try await env.ok("info", [["alias": ""], ["basic": true]], auth: auth)["basic"]?["type"] == "client")
        }
    }
}
