import OneP
import OnePJSON
import Testing

/// The typed builders send the argument forms rpc.md and clients.md document.
@Suite struct CallBuilderTests {
    private func arguments(_ text: String) throws -> [JSON] {
        try #require(try JSON(parsing: text).arrayValue)
    }

    private let rid = "879542b837bfac5beee201234567890123456789"

    @Test func resourceIDWireForms() throws {
        #expect(ResourceID.rid(rid).json == .string(rid))
        #expect(ResourceID.alias("temperature").json == ["alias": "temperature"])
        #expect(ResourceID.me.json == ["alias": ""])
        #expect(ResourceID(json: ["alias": ""]) == .me)
        #expect(ResourceID(json: ["alias": "x"]) == .alias("x"))
        #expect(ResourceID(json: .string(rid)) == .rid(rid))
        #expect(ResourceID(json: 42) == nil)
    }

    @Test func authWireForms() {
        #expect(Auth.cik("k").json == ["cik": "k"])
        #expect(Auth.cik("k", clientID: "c").json == ["cik": "k", "client_id": "c"])
        #expect(Auth.cik("k", resourceID: "r").json == ["cik": "k", "resource_id": "r"])
        #expect(Auth.token("t").json == ["token": "t"])
        #expect(Auth.token("t", clientID: "c").json == ["token": "t", "client_id": "c"])
        #expect(Auth.cik("k", clientID: "c").clientID == "c")
    }

    @Test func readSendsOnlyTheOptionsThatAreSet() throws {
        let full = Call.read(.alias("temperature"), ReadOptions(starttime: 1, endtime: 1_376_957_311, sort: .desc, limit: 3, selection: .all))
        #expect(full.procedure == "read")
        #expect(
            full.arguments
                == (try arguments(
                    #"[{"alias":"temperature"},{"endtime":1376957311,"limit":3,"selection":"all","sort":"desc","starttime":1}]"#
                ))
        )
        #expect(Call.read(.alias("log")).arguments == (try arguments(#"[{"alias":"log"},{}]"#)))
        #expect(Call.read(.me, ReadOptions(sort: .asc, limit: 2)).arguments == (try arguments(#"[{"alias":""},{"sort":"asc","limit":2}]"#)))
    }

    @Test func timeSeriesWrites() throws {
        #expect(Call.write(.alias("temperature"), value: 65.4).arguments == (try arguments(#"[{"alias":"temperature"},65.4]"#)))
        #expect(
            Call.writegroup([(.alias("a"), 1), (.rid(rid), "x")]).arguments
                == (try arguments(#"[[[{"alias":"a"},1],["\#(rid)","x"]]]"#))
        )
        #expect(Call.record(.rid(rid), [(1_421_906_172, 30), (-10, 20)]).arguments == (try arguments(#"["\#(rid)",[[1421906172,30],[-10,20]],{}]"#)))
        let batch = Call.recordbatch(.rid(rid), [(1_421_906_172, 30), (1_421_906_160, 20)])
        #expect(batch.procedure == "recordbatch")
        #expect(batch.arguments == (try arguments(#"["\#(rid)",[[1421906172,30],[1421906160,20]]]"#)))
    }

    @Test func flushAndWait() throws {
        #expect(Call.flush(.alias("a")).arguments == (try arguments(#"[{"alias":"a"},{}]"#)))
        #expect(Call.flush(.alias("a"), newerThan: 5, olderThan: 9).arguments == (try arguments(#"[{"alias":"a"},{"newerthan":5,"olderthan":9}]"#)))
        #expect(Call.wait(.alias("w"), timeoutMilliseconds: 5000).arguments == (try arguments(#"[{"alias":"w"},{"timeout":5000}]"#)))
        #expect(Call.wait(.alias("w"), since: 12).arguments == (try arguments(#"[{"alias":"w"},{"since":12}]"#)))
    }

    @Test func resourceProcedures() throws {
        #expect(
            Call.create(.me, type: .dataport, description: ["format": "float"]).arguments
                == (try arguments(#"[{"alias":""},"dataport",{"format":"float"}]"#)))
        #expect(Call.clone(nil, .rid(rid)).arguments == (try arguments(#"["clone",{"rid":"\#(rid)"}]"#)))
        #expect(
            Call.clone(.me, .code("c0de"), noAliases: true, noHistorical: true).arguments
                == (try arguments(#"[{"alias":""},"clone",{"code":"c0de","noaliases":true,"nohistorical":true}]"#))
        )
        #expect(Call.info(.rid(rid)).arguments == (try arguments(#"["\#(rid)",{}]"#)))
        #expect(Call.info(.rid(rid), options: [.basic, "key"]).arguments == (try arguments(#"["\#(rid)",{"basic":true,"key":true}]"#)))
        #expect(
            Call.listing(.me, types: [.client, .dataport], options: ListingOptions(owned: true, tagged: ["t"])).arguments
                == (try arguments(#"[{"alias":""},["client","dataport"],{"owned":true,"tagged":["t"]}]"#))
        )
        #expect(Call.listing(.me).arguments == (try arguments(#"[{"alias":""},["client","dataport","datarule","dispatch"],{}]"#)))
        #expect(Call.update(.rid(rid), description: ["name": "n"]).arguments == (try arguments(#"["\#(rid)",{"name":"n"}]"#)))
        #expect(Call.drop(.rid(rid)).arguments == (try arguments(#"["\#(rid)"]"#)))
        #expect(Call.move(.rid(rid), to: .me).arguments == (try arguments(#"["\#(rid)",{"alias":""},{"aliases":true}]"#)))
        #expect(Call.usage(.me, metric: "dataport", start: 1, end: 2).arguments == (try arguments(#"[{"alias":""},"dataport",1,2]"#)))
    }

    @Test func aliasProcedures() throws {
        #expect(Call.map(.rid(rid), alias: "temp").arguments == (try arguments(#"["alias","\#(rid)","temp"]"#)))
        #expect(Call.unmap(.me, alias: "temp").arguments == (try arguments(#"[{"alias":""},"alias","temp"]"#)))
        #expect(Call.lookup(.me, .alias("temp")).arguments == (try arguments(#"[{"alias":""},"alias","temp"]"#)))
        #expect(Call.lookup(.me, .owner(.rid(rid))).arguments == (try arguments(#"[{"alias":""},"owner","\#(rid)"]"#)))
        #expect(Call.lookup(.me, .shared("code")).arguments == (try arguments(#"[{"alias":""},"shared","code"]"#)))
    }

    @Test func shareProcedures() throws {
        #expect(Call.share(.rid(rid), meta: "m").arguments == (try arguments(#"["\#(rid)",{"meta":"m"}]"#)))
        #expect(Call.share(.rid(rid), meta: "m", code: "c").arguments == (try arguments(#"["\#(rid)",{"code":"c","meta":"m"}]"#)))
        #expect(Call.revoke(.share, code: "c").arguments == (try arguments(#"["share","c"]"#)))
        #expect(Call.activate(.me, .client, code: "k").arguments == (try arguments(#"[{"alias":""},"client","k"]"#)))
        #expect(Call.deactivate(.me, .share, code: "c").arguments == (try arguments(#"[{"alias":""},"share","c"]"#)))
        #expect(
            Call.grant(.me, permissions: ["b": ["write"], "a": ["read"]], ttl: 60).arguments
                == (try arguments(#"[{"alias":""},{"a":["read"],"b":["write"]},{"ttl":60}]"#))
        )
    }

    @Test func tagsAndComments() throws {
        #expect(Call.tag(.rid(rid), .add, "hot").arguments == (try arguments(#"["\#(rid)","add","hot"]"#)))
        #expect(Call.tag(.rid(rid), .remove, "hot").arguments == (try arguments(#"["\#(rid)","remove","hot"]"#)))
        #expect(Call.comment(.rid(rid), .public, "unit").arguments == (try arguments(#"["\#(rid)","public","unit"]"#)))
    }
}
