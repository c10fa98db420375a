import OnePJSON
import Testing

@testable import OnePlatform

/// The RPC engine has `listing` write its answer as text; the procedure's value form serves other
/// callers (scripts). Both must give the same answer, byte for byte.
@Suite("listing forms")
struct ListingFormsTests {
    @Test func theTextAndTheValueAgree() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let port = try await platform.dataport("float", alias: "own", extra: ["public": true])
        try await platform.dataport("integer", auth: child.auth)
        try await platform.ok("map", ["alias", .string(child.rid), "device"])
        try await platform.ok("tag", [.string(port), "add", "t"])
        let code = try #require(try await platform.ok("share", [.string(port), [:]]).stringValue)
        try await platform.ok("activate", ["share", .string(code)], auth: child.auth)
        let root = JSON.string(platform.platform.bootstrap.rootRID)
        let forms: [[JSON]] = [
            [["client", "dataport"]],
            [["dataport", "client", "dataport"]],
            [root, ["client", "dataport", "datarule", "dispatch"], [:]],
            [root, ["dataport", "dataport"], ["owned": true, "aliased": true]],
            [["dataport", "client"], ["public": true, "activated": true]],
            [.string(child.rid), ["dataport"], ["activated": true, "owned": true]],
            [["dataport"], ["owned": true, "tagged": ["t", "u"]]],
            [[], [:]],
        ]
        let rootRID = platform.platform.bootstrap.rootRID
        let compared = try await platform.platform.engine.database.read { db -> [(value: String, text: String)] in
            let procedure = try #require(ProcedureTable.standard["listing"])
            let write = try #require(procedure.write)
            let caller = try #require(try ResourceRecord.fetch(db, rid: rootRID))
            var context = CallContext(db: db, caller: caller, now: Int(TestPlatform.start))
            context.procedure = procedure.name
            return try forms.map { form in
                let value = try procedure.run(context, Arguments(values: form))?.serialized() ?? ""
                var text: [UInt8] = []
                try write(context, Arguments(values: form), &text)
                return (value, String(decoding: text, as: UTF8.self))
            }
        }
        for (form, pair) in zip(forms, compared) {
            #expect(pair.text == pair.value, "\(JSON.array(form))")
        }
        #expect(compared.count == forms.count)
    }
}
