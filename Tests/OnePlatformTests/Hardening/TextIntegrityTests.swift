import OnePJSON
import OnePlatform
import Testing

/// Text comes back exactly as it went in: text holding U+0000, which SQLite would cut short, is
/// refused in every field (`invalid` for a call, 401 for auth), never stored or compared cut.
@Suite("Text with U+0000")
struct TextIntegrityTests {
    private static let cut = "a\u{0}b"

    @Test func pointValuesAreRefusedNotCut() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("string")
        #expect(try await platform.status("write", [.string(port), .string(Self.cut)]) == "invalid")
        #expect(try await platform.status("record", [.string(port), [[1, .string(Self.cut)]], [:]]) == "invalid")
        #expect(try await platform.status("writegroup", [[[.string(port), .string(Self.cut)]]]) == "invalid")
        #expect(try await platform.ok("recordbatch", [.string(port), [[1, "ok"]]]) == .null)
        #expect(try await platform.status("recordbatch", [.string(port), [[2, .string(Self.cut)]]]) == "invalid")
        #expect(try await platform.points(.string(port)) == [[1, "ok"]])
    }

    @Test func otherControlCharactersAndNonASCIIRoundTrip() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("string")
        let text = "\u{1}\u{7f}\t\n°F 日本語 😀\u{FFFF}"
        try await platform.ok("write", [.string(port), .string(text)])
        #expect(try await platform.points(.string(port)).first?[1] == .string(text))
    }

    @Test func aliasesWithNULDoNotCollide() async throws {
        let platform = try TestPlatform.inMemory()
        let foo = try await platform.dataport("integer", alias: "foo")
        let other = try await platform.dataport("integer")
        #expect(try await platform.status("map", ["alias", .string(other), "foo\u{0}bar"]) == "invalid")
        #expect(try await platform.status("lookup", ["alias", "foo\u{0}bar"]) == "invalid")
        #expect(try await platform.status("unmap", ["alias", "foo\u{0}zzz"]) == "invalid")
        #expect(try await platform.status("read", [["alias": "foo\u{0}x"], [:]]) == "invalid")
        #expect(try await platform.ok("lookup", ["alias", "foo"]) == .string(foo))
    }

    @Test func tagsCommentsAndShareMetaAreRefused() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", alias: "p")
        #expect(try await platform.status("tag", [.string(port), "add", "t\u{0}x"]) == "invalid")
        #expect(try await platform.status("comment", [.string(port), "public", "c\u{0}x"]) == "invalid")
        #expect(try await platform.status("share", [.string(port), ["meta": "m\u{0}x"]]) == "invalid")
        let code = try #require(try await platform.ok("share", [.string(port), ["meta": "m"]]).stringValue)
        #expect(try await platform.status("share", [.string(port), ["meta": "m\u{0}x", "code": .string(code)]]) == "invalid")
        #expect(try await platform.status("share", [["share": .string(code), "meta": "m\u{0}x"]]) == "invalid")
        let info = try await platform.ok("info", [.string(port), ["tags": true, "comments": true, "shares": true]])
        #expect(info["tags"] == [])
        #expect(info["comments"] == [])
        #expect(info["shares"]?[0]?["meta"] == "m")
    }

    @Test func descriptionTextAndKeysAreRefused() async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.status("create", ["dataport", ["format": "string", "name": "n\u{0}x"]]) == "invalid")
        #expect(try await platform.status("create", ["dataport", ["format": "string", "meta\u{0}": "x"]]) == "invalid")
        #expect(try await platform.status("create", ["client", ["name": "c\u{0}"]]) == "invalid")
        let port = try await platform.dataport("string", extra: ["name": "plain"])
        #expect(try await platform.status("update", [.string(port), ["meta": "m\u{0}x"]]) == "invalid")
        #expect(try await platform.status("create", ["dispatch", ["method": "email", "recipient": "a\u{0}@b"]]) == "invalid")
        let description = try await platform.ok("info", [.string(port), ["description": true]])["description"]
        #expect(description?["name"] == "plain")
        #expect(description?["meta"] == "")
    }

    @Test func keysWithNULAuthenticateNobody() async throws {
        let platform = try TestPlatform.inMemory()
        let root = platform.platform.bootstrap.rootCIK
        for auth: JSON in [["cik": .string(root + "\u{0}junk")], ["cik": .string(root), "client_id": "\u{0}"]] {
            let answer = try await platform.send([
                "auth": auth, "calls": [["id": 1, "procedure": "info", "arguments": [["alias": ""], ["basic": true]]]],
            ])
            #expect(answer?["error"]?["code"] == 401, "\(auth.serialized())")
        }
        let device = try await platform.client()
        let token = try #require(try await platform.ok("grant", [.string(device.rid), [device.rid: ["info"]]]).stringValue)
        let answer = try await platform.send([
            "auth": ["token": .string(token + "\u{0}")], "calls": [["id": 1, "procedure": "info", "arguments": [["alias": ""], [:]]]],
        ])
        #expect(answer?["error"]?["code"] == 401)
    }

    @Test func dataInterfaceRefusesEscapedNUL() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("ss", "string")])
        #expect(await device.send("POST", body: "ss=a%00b").status == 400)
        #expect(await device.send("POST", body: "ss%00x=a").status == 400)
        #expect(await device.send("GET", query: "ss%00").status == 400)
        #expect(await device.send("POST", "/onep:v1/stack/record", body: "alias=ss&1=a%00b").status == 400)
        #expect(await device.send("POST", "/onep:v1/stack/alias/ss%00b", body: "1=a").status == 400)
        #expect(await device.send("POST", body: "ss=%FF%FE").status == 400)
        #expect(try await device.points("ss") == [])
        #expect(await device.send("POST", body: "ss=a%01b").status == 204)
        #expect(try await device.points("ss")[0]?[1] == "a\u{1}b")
        let nulCIK = DataInterfaceRequest(
            method: "GET", path: "/onep:v1/stack/alias", query: "ss", headers: [("X-Exosite-CIK", device.cik + "\u{0}")])
        #expect(await platform.platform.processDataInterface(nulCIK).status == 401)
    }

    /// One rule for every procedure: text with U+0000 or a number out of range anywhere in the
    /// arguments answers `invalid`, whatever else the arguments say.
    @Test func everyProcedureRefusesNULAndNumbersOutOfRange() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", alias: "p")
        let refused: [JSON] = [.string("x\u{0}"), ["alias": "p\u{0}"], .bigNumber("1e400"), .bigNumber("-9223372036854775809"), ["k\u{0}": 1]]
        for procedure in platform.platform.procedureNames {
            for value in refused {
                let answer = try await platform.call(procedure, [.string(port), value, ["option": value]])
                #expect(answer["status"] == "invalid", "\(procedure) with \(value.serialized()) answered \(answer.serialized())")
            }
        }
        #expect(try await platform.points(.string(port)) == [])
    }
}
