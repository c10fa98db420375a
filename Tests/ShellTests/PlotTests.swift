import Foundation
import LineEditor
import OneP
import OnePEmbedded
import Shell
import Synchronization
import Testing

/// `plot` and `spark`: charts and interval distributions drawn from the embedded platform.
@Suite struct PlotTests {
    func shell(_ environment: [String: String] = [:]) throws -> ShellFixture {
        try ShellFixture(environment: environment)
    }

    @Test func aChartFitsItsWidthWithAxesAndLegend() async throws {
        let shell = try shell(["LANG": "en_US.UTF-8"])
        try await shell.setUp(
            "create dataport t --format float --meta '{\"unit\": \"°C\"}'",
            "record t " + (0..<60).map { "\(1_699_996_460 + $0 * 60),\(15 + $0 % 11)" }.joined(separator: " "))
        let chart = await shell.run("plot t --start 1699996460")
        #expect(chart.status == 0, "\(chart.err)")
        let lines = chart.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 12 + 3)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines.contains { DisplayWidth.of($0) == 80 })
        #expect(lines[0].hasPrefix("25 ┤") && lines[6].hasPrefix("20 ┤") && lines[11].hasPrefix("15 ┤"))
        #expect(lines[12] == "   └" + String(repeating: "─", count: 76))
        #expect(chart.out.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(lines[13].hasPrefix("    2023-11-14 21:14") && lines[13].hasSuffix("2023-11-14 22:13"))
        #expect(lines[14] == "⣿ t (°C)  times in UTC")
    }

    @Test func withoutUnicodeTheChartIsASCII() async throws {
        let shell = try shell(["LANG": "C"])
        try await shell.setUp(
            "create dataport a --format integer", "create dataport b --format integer", "record a 10,1 20,5 30,3", "record b 10,4 30,0")
        let chart = await shell.run("plot a b --start 0")
        #expect(chart.out.allSatisfy { $0.isASCII })
        #expect(chart.out.contains("*") && chart.out.contains("+"))
        #expect(chart.out.hasSuffix("* a  + b  times in UTC\n"))
    }

    @Test func aStringSeriesOrNoPointsIsRefused() async throws {
        let shell = try shell()
        try await shell.setUp("create dataport s --format string", "write s open", "create dataport e --format float")
        let text = await shell.run("plot s")
        #expect(text.status == 1)
        #expect(text.err == "error: plot: s holds text ('open'), not numbers: plot integer or float dataports\n")
        #expect(await shell.run("plot e").err == "error: plot: e has no points to draw; widen the window with --start\n")
    }

    @Test func heightSetsTheRows() async throws {
        let shell = try shell(["LANG": "C.UTF-8"])
        try await shell.setUp("create dataport a --format integer", "record a 10,1 20,5 30,3")
        let chart = await shell.run("plot a --start 0 --height 4")
        #expect(chart.out.split(separator: "\n").count == 4 + 3)
        #expect(await shell.run("plot a --height 1").err.contains("--height '1' is not valid"))
    }

    @Test func followRedrawsWhenAPointArrives() async throws {
        let shell = try shell(["LANG": "C"])
        try await shell.setUp("create dataport a --format integer --alias a", "record a -20,1 -10,5")
        let following = Task { await shell.run("plot a --follow --height 3") }
        await shell.platform.untilSuspendedWaits(are: 1)
        shell.clock.advance(by: 5)
        _ = try await RPCClient(transport: InProcessTransport(platform: shell.platform), auth: .cik(shell.rootCIK)).call(
            .write(.alias("a"), value: 9))
        await shell.platform.untilSuspendedWaits(are: 1)
        following.cancel()
        let result = await following.value
        #expect(result.status == 130, "\(result.err)")
        // Two charts: the first tops out at 5, the redrawn one at 9.
        let charts = result.out.components(separatedBy: "times in UTC\n").filter { !$0.isEmpty }
        #expect(charts.count == 2, "\(result.out)")
        #expect(charts.first?.hasPrefix("5 |") == true && charts.last?.hasPrefix("9 |") == true, "\(result.out)")
    }

    @Test func programsGetThePoints() async throws {
        let shell = try shell()
        try await shell.setUp("create dataport a --format integer", "record a 10,1 20,2", "set format csv")
        #expect(await shell.run("plot a --start 0").out == "timestamp,a\n10,1\n20,2\n")
    }

    @Test func sparkShowsTheIntervalsBetweenPoints() async throws {
        let shell = try shell(["LANG": "C.UTF-8"])
        let times = [0, 600, 1200, 1800, 2400, 3000, 3630, 4230, 6000]
        try await shell.setUp("create dataport a --format integer", "record a " + times.map { "\($0 + 100),1" }.joined(separator: " "))
        let spark = await shell.run("spark a --start 0 --bins 4")
        #expect(spark.out == "█  ▂\n10m shortest, 10m median, 29m 30s longest, 8 intervals\n")
        try await shell.setUp("set format csv")
        #expect(await shell.run("spark a --start 0 --bins 4").out == "from,to,count\n600,892,7\n892,1185,0\n1185,1477,0\n1477,1770,1\n")
        #expect(await shell.run("spark a --start 5000").err.contains("intervals need two"))
    }
}

/// `tree` at a terminal: lines cut to its width; `--spark` sparklines of recent values.
@Suite struct TreeFitTests {
    @Test func treeLinesAreCutToTheTerminalAndWholeWhenPiped() async throws {
        let lines = LineCollector()
        let shell = try ShellFixture(environment: ["LANG": "C.UTF-8"]) { configuration in
            configuration.output = OutputSink(isTerminal: true, writeOut: { lines.add($0) }, writeErr: { _ in })
            configuration.terminalColumns = { 40 }
        }
        try await shell.setUp(
            "create dataport a-dataport-with-a-rather-long-name --format string",
            "write a-dataport-with-a-rather-long-name '" + String(repeating: "v", count: 100) + "'")
        lines.clear()
        _ = await shell.run("tree --values")
        let tree = lines.text.split(separator: "\n")
        #expect(tree.count == 2)
        #expect(tree.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(tree)")
        #expect(tree[1].hasSuffix("…"))

        let piped = try ShellFixture()
        try await piped.setUp("create dataport a-dataport-with-a-rather-long-name --format string", "write a-dataport-with-a-rather-long-name x")
        #expect(await piped.run("tree --values").out.split(separator: "\n").contains { DisplayWidth.of($0) > 40 })
    }

    @Test func sparkShowsRecentValuesOfNumericDataports() async throws {
        let shell = try ShellFixture(environment: ["LANG": "C.UTF-8"])
        try await shell.setUp(
            "create dataport n --format integer", "create dataport s --format string", "record n 1,1 2,8 3,4", "record s 1,a 2,b")
        let tree = await shell.run("tree --spark").out
        #expect(tree.contains("= 4 (") && tree.contains("ago)  ▁█▄"), "\(tree)")
        #expect(!tree.split(separator: "\n").contains { $0.contains("dataport/string") && $0.contains("▁") })
        try await shell.setUp("set format json")
        #expect(await shell.run("tree --spark").out.contains(#""recent":[1"#))
    }
}

/// `ls -l --spark`: a sparkline column for numeric dataports, drawn by the renderer `tree --spark` uses.
@Suite struct ListingSparkTests {
    private func made(locale: String) async throws -> ShellFixture {
        let shell = try ShellFixture(environment: ["LANG": locale])
        try await shell.setUp(
            "create dataport n --format integer", "create dataport s --format string", "create dataport lone --format float",
            "create client dev", "record n 1,1 2,8 3,4", "record s 1,1 2,2", "record lone 1,5")
        return shell
    }

    /// The line of `ls` output whose first word is `name`.
    private func line(_ listing: String, _ name: String) -> String {
        String(listing.split(separator: "\n").first { $0.split(separator: " ").first.map(String.init) == name } ?? "")
    }

    @Test func numericDataportsGetASparklineAndOthersAnEmptyCell() async throws {
        let shell = try await made(locale: "C.UTF-8")
        let listing = await shell.run("ls -l --spark")
        #expect(listing.status == 0, "\(listing.err)")
        #expect(listing.out.hasPrefix("name"), "\(listing.out)")
        #expect(listing.out.split(separator: "\n")[0].split(separator: " ").suffix(2) == ["rid", "spark"], "\(listing.out)")
        #expect(line(listing.out, "n").hasSuffix("  ▁█▄"), "\(listing.out)")
        // A string dataport, a float one with a single point and a client end at their RID: the cell is empty.
        for name in ["s", "lone", "dev"] {
            #expect(line(listing.out, name).split(separator: " ").last?.count == 40, "\(name): \(listing.out)")
        }
        // The same renderer as `tree --spark`: the line is the one the tree shows.
        #expect(await shell.run("tree --spark").out.contains("▁█▄"))
    }

    @Test func withoutUnicodeTheSparklineIsDigitsAndProgramsGetTheValues() async throws {
        let shell = try await made(locale: "C")
        #expect(line(await shell.run("ls -l --spark").out, "n").hasSuffix("  184"))
        try await shell.setUp("set format json")
        let json = await shell.run("ls -l --spark").out
        #expect(json.contains(#""name":"n","type":"dataport","format":"integer""#), "\(json)")
        #expect(json.contains(#""recent":[1.0,8.0,4.0]"#), "\(json)")
        #expect(json.components(separatedBy: #""recent":null"#).count == 4, "\(json)")
        // Without --spark nothing changes: no column, no read.
        #expect(!(await shell.run("ls -l").out.contains("recent")))
    }
}

/// What a terminal would show, collected for a test.
final class LineCollector: Sendable {
    private let lines = Mutex("")
    func add(_ text: String) { lines.withLock { $0 += text } }
    func clear() { lines.withLock { $0 = "" } }
    var text: String { lines.withLock { $0 } }
}
