import Foundation
import OnePJSON
import Testing

@Suite struct TreeTests {
    @Test func treeShowsHierarchyClientsLast() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client dev", "create dataport dev/temp --alias t --format float", "create dataport alpha --format string", "write dev/temp 1.5")
        shell.clock.advance(by: 120)
        let text = await shell.run("tree --values").out
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("├── alpha  dataport/string  "))
        #expect(lines[2].hasPrefix("└── dev  client  "))
        #expect(lines[3].hasPrefix("    └── temp  dataport/float  alias: t  "))
        #expect(lines[3].hasSuffix("= 1.5 (2m ago)"))
        try await shell.setUp("set format json")
        let document = try JSON(parsing: await shell.run("tree").out)
        #expect(document["children"]?[1]?["name"] == "dev")
        #expect(document["children"]?[1]?["children"]?[0]?["alias"] == "t")
        #expect(await shell.run("tree alpha").status == 1)
    }

    /// Depth 3, 300 resources: the request count follows the depth, not the size.
    @Test func treeRequestsGrowWithDepthNotSize() async throws {
        let shell = try ShellFixture()
        var script: [String] = []
        for a in 0..<5 {
            script.append("create client c\(a)")
            for b in 0..<5 {
                script.append("create client c\(a)/d\(b)")
                for p in 0..<10 { script.append("create dataport c\(a)/d\(b)/p\(p) --format integer") }
            }
        }
        #expect(script.count == 280)
        for extra in 0..<20 { script.append("create dataport top\(extra)") }
        #expect(await shell.runner.runScript(lines: script) == 0)
        try await shell.setUp("set timing on")
        let result = await shell.run("tree --values")
        #expect(result.status == 0)
        #expect(result.out.split(separator: "\n").count == 301)
        let depth = 3
        let requests = try #require(ShellFixture.requests(in: result.err))
        #expect(requests <= 2 * depth + 2)
        let limited = await shell.run("tree --level 1")
        #expect(limited.out.split(separator: "\n").count == 26)
        #expect(try #require(ShellFixture.requests(in: limited.err)) <= 2)
    }
}
