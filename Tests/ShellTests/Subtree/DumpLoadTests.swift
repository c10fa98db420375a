import Foundation
import OnePJSON
import Testing

/// `dump` and `load`: a subtree as one JSON document, and back under another client.
@Suite struct DumpLoadTests {
    /// A device whose resources refer to each other: a subscription, a preprocess operand, a script.
    static func device(_ shell: ShellFixture) async throws {
        try await shell.setUp(
            "create client dev", "create dataport dev/raw --alias raw --format float --meta '{\"unit\":\"C\"}'",
            "create dataport dev/copy --alias copy --format float --subscribe dev/raw", "create dataport dev/offset --format float",
            "create dataport dev/scaled --format float --retention-count 5", "create client dev/sub",
            "create dataport dev/sub/note --alias note --format string", "tag dev/raw add climate", "write dev/raw 1.5",
            "write dev/sub/note hello")
        let offset = await FindTests.rid(shell, "offset")
        try await shell.setUp("update dev/scaled --preprocess '[[\"add\", \"\(offset)\"]]'")
    }

    /// The document with every RID replaced by its place in the document and times left out,
    /// so two dumps of equal subtrees compare equal.
    static func normalized(_ text: String) throws -> JSON {
        let document = try JSON(parsing: text)
        var names: [String: String] = [:]
        func collect(_ node: JSON, _ path: String) {
            if let rid = node["rid"]?.stringValue { names[rid] = path }
            for (index, child) in (node["children"]?.arrayValue ?? []).enumerated() { collect(child, "\(path)/\(index)") }
        }
        collect(document["root"] ?? .null, "root")
        func rewrite(_ value: JSON) -> JSON {
            switch value {
            case .string(let text): return .string(names[text] ?? text)
            case .array(let items): return .array(items.map(rewrite))
            case .object(let object):
                var result = JSONObject()
                for (key, item) in object { result[key] = rewrite(item) }
                return .object(result)
            default: return value
            }
        }
        return rewrite(document)
    }

    @Test func dumpHoldsDescriptionsAliasesTagsAndWithDataThePoints() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        let plain = try JSON(parsing: await shell.run("dump dev").out)
        #expect(plain["onep_dump"] == 1)
        let children = plain["root"]?["children"]?.arrayValue ?? []
        #expect(children.map { $0["description"]?["name"]?.stringValue ?? "" } == ["copy", "offset", "raw", "scaled", "sub"])
        #expect(children[2]["aliases"] == ["raw"])
        #expect(children[2]["tags"] == ["climate"])
        #expect(children[0]["description"]?["subscribe"] == children[2]["rid"])
        #expect(children[4]["children"]?[0]?["aliases"] == ["note"])
        #expect(plain["data"] == nil)
        let path = shell.file("dev.json")
        let written = await shell.run("dump dev --data --file \(path)")
        #expect(written.out == "dumped 7 resources and 3 points to \(path)\n", "\(written)")
        let withData = try JSON(parsing: String(contentsOfFile: path, encoding: .utf8))
        // raw's point, copy's (from the subscription) and note's.
        #expect(withData["data"]?.arrayValue?.count == 3)
    }

    /// The document is written resource by resource; its text must stay what serializing the
    /// whole document pretty gives: escapes, unicode, comments, several aliases, empty clients.
    @Test func dumpTextIsThePrettyDocumentByteForByte() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        try await shell.setUp(
            "create dataport 'dev/naïve ✓' --format string --meta 'a \"quoted\" \\ tab\there'", "create client dev/sub/empty",
            "cd dev", "map raw second", "cd /")
        let raw = await FindTests.rid(shell, "raw")
        try await shell.setUp("rpc comment \(raw) public '\"said \\\"so\\\" ✓\"'")
        let text = await shell.run("dump dev").out
        let document = try JSON(parsing: text)
        let root = try #require(document["root"])
        #expect(text == "{\"onep_dump\": 1,\n\"root\": " + root.serialized(pretty: true) + "}\n")
        let rawJSON = root["children"]?.arrayValue?.first { $0["rid"]?.stringValue == raw }
        #expect(rawJSON?["aliases"] == ["raw", "second"])
        #expect(rawJSON?["comments"] == [["public", "said \"so\" ✓"]])
        let sub = root["children"]?.arrayValue?.first { $0["description"]?["name"] == "sub" }
        #expect(sub?["children"]?.arrayValue?.contains { $0["children"] == [] } == true)
    }

    @Test func roundTripGivesTheSameDocumentModuloRIDs() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        let path = shell.file("dev.json")
        try await shell.setUp("dump dev --data --file \(path)", "create client elsewhere")
        let loaded = await shell.run("load \(path) --into elsewhere")
        #expect(loaded.status == 0, "\(loaded)")
        #expect(loaded.out.hasPrefix("loaded 7 resources and 3 points under /elsewhere: "), "\(loaded)")
        let newRID = try #require(loaded.out.split(separator: " ").last?.split(separator: "\n").first.map(String.init))
        let again = shell.file("again.json")
        try await shell.setUp("dump elsewhere/\(newRID) --data --file \(again)")
        let first = try Self.normalized(String(contentsOfFile: path, encoding: .utf8))
        let second = try Self.normalized(String(contentsOfFile: again, encoding: .utf8))
        #expect(first == second)
        // The copy is live: its subscription points at the new raw.
        try await shell.setUp("write elsewhere/\(newRID)/raw 7.5")
        #expect(await shell.run("read elsewhere/dev/copy --limit 1").out.hasSuffix("7.5\n"))
        #expect(await shell.run("read dev/copy --limit 1").out.hasSuffix("1.5\n"))
    }

    @Test func aLoadThatDoesNotFitChangesNothingAndNamesTheLimit() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        let path = shell.file("dev.json")
        try await shell.setUp("dump dev --file \(path)", "create client small --json '{\"limits\": {\"client\": 2, \"dataport\": 3}}'")
        let result = await shell.run("load \(path) --into small")
        #expect(result.status == 1)
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        #expect(result.err.contains("dataport limit of '/small' is 3 with 0 in use, and this needs 5 more"), "\(result.err)")
        #expect(await shell.run("ls small").out == "")
    }

    @Test func aLoadUnderAnInheritingClientIsCheckedAgainstTheOwnerWhoseLimitGoverns() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        let path = shell.file("dev.json")
        try await shell.setUp(
            "dump dev --file \(path)", "create client tight --json '{\"limits\": {\"client\": 3, \"dataport\": 4}}'",
            "create client tight/open --json '{\"limits\": {\"client\": \"inherit\", \"dataport\": \"inherit\"}}'",
            "create dataport tight/open/one")
        let result = await shell.run("load \(path) --into tight/open")
        #expect(result.status == 1)
        #expect(result.err.contains("dataport limit of 'tight' is 4 with 1 in use, and this needs 5 more"), "\(result.err)")
        #expect(await shell.run("ls tight/open").out == "one\n")
        // With room, the same load goes through and draws on the owner's limit.
        try await shell.setUp("update tight --json '{\"limits\": {\"client\": 3, \"dataport\": 6}}'")
        #expect(await shell.run("load \(path) --into tight/open").status == 0)
    }

    @Test func malformedDumpsNameTheFileAndLine() async throws {
        let shell = try ShellFixture()
        let broken = try shell.write("broken.json", "{\"onep_dump\": 1,\n\"root\": {\n  \"rid\": oops\n}}\n")
        let result = await shell.run("load \(broken)")
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("error: \(broken):3: not valid JSON"), "\(result.err)")
        let other = try shell.write("other.json", "{\"hello\": 1}")
        #expect(await shell.run("load \(other)").err.contains("not a dump"))
        let typeless = try shell.write("typeless.json", "{\"onep_dump\": 1, \"root\": {\"rid\": \"\(String(repeating: "a", count: 40))\"}}")
        #expect(await shell.run("load \(typeless)").err.contains("root has no type"))
        #expect(await shell.run("load \(shell.file("missing.json"))").err.contains("cannot be read"))
        #expect(await shell.run("ls").out == "")
    }

    @Test func aCycleOfSubscriptionsIsRefusedBeforeAnythingIsMade() async throws {
        let shell = try ShellFixture()
        let a = String(repeating: "a", count: 40)
        let b = String(repeating: "b", count: 40)
        let document = """
            {"onep_dump": 1, "root": {"rid": "\(String(repeating: "c", count: 40))", "type": "client", "description": {"name": "loop"}, "children": [
              {"rid": "\(a)", "type": "dataport", "description": {"name": "a", "format": "float", "subscribe": "\(b)"}},
              {"rid": "\(b)", "type": "dataport", "description": {"name": "b", "format": "float", "subscribe": "\(a)"}}]}}
            """
        let path = try shell.write("loop.json", document)
        let result = await shell.run("load \(path)")
        #expect(result.status == 1)
        #expect(result.err.contains("subscriptions form a cycle (a → b → a)"), "\(result.err)")
        #expect(await shell.run("ls").out == "")
    }

    /// The platform refuses a point after the resources were made: everything made is dropped.
    @Test func aLoadRefusedHalfwayDropsWhatItMade() async throws {
        let shell = try ShellFixture()
        let root = String(repeating: "c", count: 40)
        let port = String(repeating: "a", count: 40)
        let document = """
            {"onep_dump": 1, "root": {"rid": "\(root)", "type": "client", "description": {"name": "dev"}, "children": [
              {"rid": "\(port)", "type": "dataport", "aliases": ["n"], "description": {"name": "n", "format": "integer"}}]},
             "data": [{"rid": "\(port)", "points": [[1000, 5], [2000, "not a number"]]}]}
            """
        let path = try shell.write("bad.json", document)
        let result = await shell.run("load \(path)")
        #expect(result.status == 1)
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        #expect(await shell.run("ls").out == "")
    }

    /// Depth 3, 300 resources, with aliases at every level: a dump without data costs requests by
    /// depth, not by size.
    static func deepTree(_ shell: ShellFixture) async throws {
        var script: [String] = []
        for a in 0..<5 {
            script.append("create client c\(a) --alias c\(a)")
            for b in 0..<5 {
                script.append("create client c\(a)/d\(b) --alias d\(b)")
                for p in 0..<10 { script.append("create dataport c\(a)/d\(b)/p\(p) --format integer" + (p == 0 ? " --alias p0" : "")) }
            }
        }
        #expect(await shell.runner.runScript(lines: script) == 0)
        try await shell.setUp("set timing on")
    }

    @Test func dumpRequestsGrowWithDepthNotSize() async throws {
        let shell = try ShellFixture()
        try await Self.deepTree(shell)
        let result = await shell.run("dump --file \(shell.file("all.json"))")
        #expect(result.out.hasPrefix("dumped 281 resources"))
        // 2·depth+2, and one request per client owning clients two levels down (their aliases).
        #expect(try #require(ShellFixture.requests(in: result.err)) <= 2 * 3 + 2 + 5)
        let document = try JSON(parsing: String(contentsOfFile: shell.file("all.json"), encoding: .utf8))
        let deep = document["root"]?["children"]?[0]?["children"]?[0]
        #expect(deep?["aliases"] == ["d0"])
        #expect(deep?["children"]?.arrayValue?.first { $0["description"]?["name"] == "p0" }?["aliases"] == ["p0"])
    }
}
