import Foundation
import LineEditor
import Testing

/// `plot` at a real (pseudo-)terminal: the chart takes the terminal's width, whatever it is.
@Suite("Plot at the terminal")
struct PlotTerminalTests {
    @Test(arguments: [60, 100])
    func theChartFitsTheTerminalsWidth(columns: Int) throws {
        let world = try IsolatedEnvironment()
        let terminal = try PseudoTerminal.onep(in: world, variables: ["TZ": "UTC"], columns: UInt16(columns), rows: 40)
        try terminal.typeLine("plot demo/temperature demo/humidity --height 8")
        let drawn = try terminal.waitFor("times in UTC")
        let lines = drawn.split(separator: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        let chart = lines.drop { !$0.contains("┤") }
        #expect(chart.count == 8 + 3, "\(drawn)")
        // Every line fits, and the plotting area runs to the terminal's edge.
        #expect(chart.allSatisfy { DisplayWidth.of($0) <= columns }, "\(drawn)")
        let axis = chart.first { $0.contains("└") } ?? ""
        #expect(DisplayWidth.of(axis) == columns, "\(drawn)")
        #expect(chart.contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
        #expect(chart.last?.hasPrefix("⣿ temperature") == true, "\(drawn)")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(PseudoTerminal.Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }
}
