import Foundation
import OnePJSON
import Testing

/// tag, move, clone and usage through the shell, against the embedded platform.
@Suite struct PlacementCommandTests {
    @Test func tagsAreAddedAndRemoved() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temp", "tag temp add outdoor", "tag temp add red")
        #expect(try JSON(parsing: await shell.run("info temp --include tags").out)["tags"] == ["outdoor", "red"])
        try await shell.setUp("tag temp remove outdoor")
        #expect(try JSON(parsing: await shell.run("info temp --include tags").out)["tags"] == ["red"])
        let empty = await shell.run("tag temp add ''")
        #expect(empty.status == 2)
        #expect(empty.err.hasPrefix("error: tag: TAG '' is not valid, expected a tag that is not empty"), "\(empty.err)")
        #expect(await shell.run("tag nowhere add x").status == 1)
        #expect(try JSON(parsing: await shell.run("info temp --include tags").out)["tags"] == ["red"])
    }

    @Test func moveTakesAliasesAlongUnlessToldNot() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client first", "create client second", "create dataport first/temp --alias t", "create dataport first/humidity --alias h",
            "write first/t 7")
        try await shell.setUp("move first/temp second")
        let left = await shell.run("ls first").out
        #expect(left.contains("humidity") && !left.contains("temp"), "\(left)")
        #expect(await shell.run("read second/t").out.contains("7"))
        try await shell.setUp("move first/h second --no-aliases")
        #expect(await shell.run("read second/h").status == 1)
        #expect(await shell.run("read second/humidity").status == 0)

        let intoItself = await shell.run("move second second")
        #expect(intoItself.status == 1)
        #expect(intoItself.err.hasPrefix("error: move: DEST 'second' is the resource that moves"), "\(intoItself.err)")
        #expect(await shell.run("move second/t").err.hasPrefix("error: move: missing DEST"))
        #expect(await shell.run("move second/t nowhere").err.hasPrefix("error: 'nowhere' not found here"))
        #expect(await shell.run("ls second").out.contains("temp"))
    }

    @Test func clonePrintsRIDAndCIKAndHonoursItsOptions() async throws {
        let shell = try ShellFixture()
        // A copy has its source's name, so the source is named by its alias from here on.
        try await shell.setUp("create client device --alias dev", "create dataport dev/temp --alias t --format integer", "write dev/t 42")
        let full = await shell.run("clone dev")
        #expect(full.status == 0, "\(full.err)")
        let lines = full.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("rid: ") == true && lines.last?.hasPrefix("cik: ") == true)
        let rid = String(lines[0].dropFirst(5))
        #expect(rid.count == 40)
        #expect(await shell.run("read \(rid)/t").out.contains("42"))

        let bareClone = await shell.run("clone dev --no-aliases --no-history")
        #expect(bareClone.status == 0, "\(bareClone.err) \(bareClone.out)")
        let bareRID = String(try #require(bareClone.out.split(separator: "\n").first).dropFirst(5))
        #expect(await shell.run("read \(bareRID)/t").status == 1)
        let copied = await shell.run("read \(bareRID)/temp")
        #expect(copied.status == 0)
        #expect(!copied.out.contains("42"))

        try await shell.setUp("set format json")
        let json = try JSON(parsing: await shell.run("clone dev").out)
        #expect(json["rid"]?.stringValue?.count == 40 && json["cik"]?.stringValue?.count == 40)
        try await shell.setUp("set format text")

        let dataport = await shell.run("clone dev/temp")
        #expect(dataport.status == 1)
        #expect(dataport.err == "error: clone: '/dev/temp' is a dataport; only clients can be cloned\n", "\(dataport.err)")
        #expect(await shell.run("clone nowhere").err.hasPrefix("error: 'nowhere' not found here"))
        #expect(await shell.run("ls").status == 0)
    }

    @Test func usageIntegratesOverTheWindow() async throws {
        let shell = try ShellFixture()
        let start = ShellFixture.start
        try await shell.setUp("create client device", "create dataport device/a", "create dataport device/b")
        shell.clock.advance(by: 10)
        let result = await shell.run("usage device --start \(start) --end \(start + 10)")
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.contains(["dataport", "20"]), "\(result.out)")
        #expect(rows.contains(["share", "0"]))

        let backwards = await shell.run("usage device --start \(start + 10) --end \(start)")
        #expect(backwards.status == 2)
        #expect(backwards.err.hasPrefix("error: usage: --start '\(start + 10)' is not valid, expected a time before --end"), "\(backwards.err)")
        let ofDataport = await shell.run("usage device/a")
        #expect(ofDataport.status == 1)
        #expect(ofDataport.err == "error: usage: '/device/a' is a dataport; usage is measured for clients\n")
        #expect(await shell.run("usage device --start soon").err.hasPrefix("error: 'soon' is not a time"))
        #expect(await shell.run("usage").status == 0)
    }
}
