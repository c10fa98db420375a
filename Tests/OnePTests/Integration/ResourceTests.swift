import OneP
import OnePJSON
import Testing

/// Resource, alias, share and annotation procedures, in process and over HTTP.
@Suite struct ResourceTests {
    @Test(arguments: Route.allCases) func createInfoUpdateAndDrop(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let rid = try await client.makeDataport("temperature", name: "Temperature")
            let info = try ResourceInfo(try await client.call(.info(.rid(rid))))
            #expect(info.type == .dataport)
            #expect(info.name == "Temperature")
            #expect(info.format == "float")
            _ = try await client.call(.update(.rid(rid), description: ["name": "Outside"]))
            let renamed = try ResourceInfo(try await client.call(.info(.rid(rid), options: [.description])))
            #expect(renamed.name == "Outside")
            #expect(renamed.json["basic"] == nil)
            _ = try await client.call(.drop(.rid(rid)))
            let dropped = try await expectOnePError { _ = try await client.call(.info(.rid(rid))) }
            #expect(dropped.statusWord == "restricted")
        }
    }

    @Test(arguments: Route.allCases) func listingByType(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let port = try await client.makeDataport("p")
            let child = try await client.makeClient("device")
            let listing = try Listing.rids(from: try await client.call(.listing(.me, types: [.client, .dataport])))
            #expect(listing[.dataport] == [port])
            #expect(listing[.client] == [child.rid])
        }
    }

    @Test(arguments: Route.allCases) func aliasesMapLookupUnmap(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let rid = try await client.makeDataport("temperature")
            #expect(try await client.call(.lookup(.me, .alias("temperature"))) == .string(rid))
            #expect(try await client.call(.lookup(.me, .alias(""))) == .string(fixture.platform.bootstrap.rootRID))
            #expect(try await client.call(.lookup(.me, .owner(.rid(rid)))) == .string(fixture.platform.bootstrap.rootRID))
            _ = try await client.call(.unmap(.me, alias: "temperature"))
            _ = try await client.call(.unmap(.me, alias: "temperature"))
            let gone = try await expectOnePError { _ = try await client.call(.lookup(.me, .alias("temperature"))) }
            #expect(gone.kind == .callFailed)
        }
    }

    @Test(.needs("move"), arguments: Route.allCases) func moveUnderAnotherClient(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            // A device whose limits inherit has room for what moves in.
            let device = try await client.makeDevice("device")
            let rid = try await client.makeDataport("moving")
            _ = try await client.call(.move(.rid(rid), to: .rid(device.rid)))
            let underDevice = try Listing.rids(from: try await client.call(.listing(.rid(device.rid), types: [.dataport])))
            #expect(underDevice[.dataport] == [rid])
        }
    }

    @Test(.needsClone, arguments: Route.allCases) func cloneAClient(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let template = try await client.makeClient("template")
            let clone = try #require(try await client.call(.clone(.me, .rid(template.rid)))?.stringValue)
            #expect(clone != template.rid)
            #expect(try ResourceInfo(try await client.call(.info(.rid(clone)))).type == .client)
        }
    }

    @Test(.needs("share", "activate", "deactivate", "revoke"), arguments: Route.allCases) func shareActivateReadDeactivate(route: Route) async throws
    {
        try await withPlatform(route) { root, _ in
            let rid = try await root.makeDataport("shared", format: "integer")
            _ = try await root.call(.write(.rid(rid), value: 5))
            let friend = try await root.makeClient("friend")
            let code = try #require(try await root.call(.share(.rid(rid), meta: "for friend"))?.stringValue)
            let friendClient = root.with(auth: .cik(friend.cik))
            _ = try await friendClient.call(.activate(.me, .share, code: code))
            #expect(try await friendClient.points(.rid(rid)).map(\.value) == [5])
            let refused = try await expectOnePError { _ = try await friendClient.call(.write(.rid(rid), value: 6)) }
            #expect(refused.statusWord == "restricted")
            _ = try await friendClient.call(.deactivate(.me, .share, code: code))
            _ = try await root.call(.revoke(.share, code: code))
        }
    }

    @Test(.needs("revoke"), arguments: Route.allCases) func revokedCIKIsRejected(route: Route) async throws {
        try await withPlatform(route) { root, _ in
            let device = try await root.makeClient("device")
            _ = try await root.call(.revoke(.client, code: device.cik))
            let rejected = try await expectOnePError { _ = try await root.with(auth: .cik(device.cik)).call(.info(.me)) }
            #expect(rejected.isAuthRejected)
        }
    }

    @Test(arguments: Route.allCases) func actingAsADescendant(route: Route) async throws {
        try await withPlatform(route) { root, fixture in
            let device = try await root.makeClient("device")
            let asDevice = root.with(auth: .cik(fixture.platform.bootstrap.rootCIK, clientID: device.rid))
            #expect(try await asDevice.call(.lookup(.me, .alias(""))) == .string(device.rid))
        }
    }

    @Test(.needs("usage"), arguments: Route.allCases) func usageCountsEntities(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            _ = try await client.makeDataport("u")
            let now = Int(PlatformFixture.startTime)
            fixture.clock.advance(by: 10)
            let usage = try await client.call(.usage(.me, metric: "dataport", start: now, end: now + 10))
            #expect((usage?.intValue ?? 0) > 0)
        }
    }

    @Test(.needs("grant"), arguments: Route.allCases) func grantedTokenReadsOnly(route: Route) async throws {
        try await withPlatform(route) { root, _ in
            let rid = try await root.makeDataport("g", format: "integer")
            _ = try await root.call(.write(.rid(rid), value: 1))
            let token = try #require(try await root.call(.grant(.me, permissions: [rid: ["read"]], ttl: 3600))?.stringValue)
            let reader = root.with(auth: .token(token))
            #expect(try await reader.points(.rid(rid)).map(\.value) == [1])
            let refused = try await expectOnePError { _ = try await reader.call(.write(.rid(rid), value: 2)) }
            #expect(refused.kind == .callFailed)
        }
    }

    @Test(.needs("tag", "comment"), arguments: Route.allCases) func tagsAndComments(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let rid = try await client.makeDataport("t")
            _ = try await client.call(.tag(.rid(rid), .add, "hot"))
            _ = try await client.call(.comment(.rid(rid), .public, #"{"unit":"°F"}"#))
            let info = try await client.call(.info(.rid(rid), options: [.tags, .comments]))
            #expect(info?["tags"] == ["hot"])
            #expect(info?["comments"] == [["public", #"{"unit":"°F"}"#]])
            let tagged = try Listing.rids(from: try await client.call(.listing(.me, types: [.dataport], options: .init(tagged: ["hot"]))))
            #expect(tagged[.dataport] == [rid])
            _ = try await client.call(.tag(.rid(rid), .remove, "hot"))
            #expect(try await client.call(.info(.rid(rid), options: [.tags]))?["tags"] == [])
        }
    }
}
