import LineEditor
import OnePJSON
import Testing

@testable import Shell

@Suite struct RendererTests {
    @Test func displayWidthCountsWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("温度") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🌡️") == 2)
        #expect(DisplayWidth.of("°C") == 2)
    }

    @Test func textTablesAlignByDisplayWidth() {
        let table = Table(columns: ["name", "value"], rows: [["温度", 21.5], ["humidity", 40]])
        let text = TextRenderer().render(.table(table))
        #expect(text == "name      value\n温度      21.5\nhumidity  40\n")
    }

    @Test func csvQuotesWhatNeedsIt() {
        let table = Table(columns: ["timestamp", "status"], rows: [[1, "door, open"], [2, "say \"hi\""]])
        #expect(CSVRenderer().render(.table(table)) == "timestamp,status\n1,\"door, open\"\n2,\"say \"\"hi\"\"\"\n")
    }

    @Test func jsonIsOneDocument() {
        let table = Table(columns: ["timestamp", "temp"], rows: [[1, 2.0]])
        #expect(JSONRenderer().render(.table(table)) == #"[{"timestamp":1,"temp":2.0}]"# + "\n")
        #expect(JSONRenderer().render(.message("hi")) == #"{"message":"hi"}"# + "\n")
    }

    @Test func treeUsesBoxDrawing() {
        var root = TreeNode(name: "root", type: "client", rid: String(repeating: "a", count: 40))
        var device = TreeNode(name: "dev", type: "client", rid: String(repeating: "b", count: 40))
        device.children = [
            TreeNode(name: "t", type: "dataport", format: "float", alias: "temp", rid: String(repeating: "c", count: 40), latest: (100, 1.5))
        ]
        root.children = [TreeNode(name: "h", type: "dataport", format: "integer", rid: String(repeating: "d", count: 40)), device]
        let text = TreeRenderer(now: 160, color: false).render(root)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("root  client"))
        #expect(lines[1].hasPrefix("├── h  dataport/integer"))
        #expect(lines[2].hasPrefix("└── dev  client"))
        #expect(lines[3].hasPrefix("    └── t  dataport/float  alias: temp"))
        #expect(lines[3].hasSuffix("= 1.5 (1m ago)"))
    }
}
