import Foundation
import OnePJSON
import Testing

/// Templates over a fleet (`--all-of-model`), exoline's spec files, and `diff` against a template.
@Suite struct TemplateFleetTests {
    /// Two clients enabled for serial numbers of model `fleet`, one of them already carrying `temp`.
    static func fleet(_ shell: ShellFixture) async throws -> [String] {
        try await shell.setUp(
            "create client tmpl", "create dataport tmpl/temp --alias temp --format integer", "provision model create fleet tmpl",
            "create client site", "provision sn add fleet 0001 0002 0003")
        var rids: [String] = []
        for sn in ["0001", "0002"] {
            rids.append(await shell.run("provision sn enable fleet \(sn) --owner site").out.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return rids
    }

    @Test func allOfModelChecksAndAppliesEveryClientOfTheModel() async throws {
        let shell = try ShellFixture()
        let rids = try await Self.fleet(shell)
        let file = try shell.write(
            "fleet.yaml", "dataports:\n  - alias: temp\n    format: integer\n  - alias: humidity\n    format: integer\n    initial: 40\n")
        let checked = await shell.run("template check \(file) --all-of-model fleet")
        #expect(checked.status == 1)
        for (rid, sn) in zip(rids, ["0001", "0002"]) {
            #expect(checked.out.contains("--- /\(rid) (fleet \(sn))\n+++ \(file)\n+ humidity  dataport\n"), "\(checked.out)")
        }
        let applied = await shell.run("template apply \(file) --all-of-model fleet")
        #expect(applied.status == 0, "\(applied)")
        let expected = rids.sorted().enumerated().map {
            "/\($1) (fleet \(rids.firstIndex(of: $1) == 0 ? "0001" : "0002")):\n  created dataport humidity\n"
        }
        #expect(applied.out == expected.joined(), "\(applied.out)")
        for rid in rids { #expect(await shell.run("read \(rid)/humidity").out.hasSuffix("40\n")) }
        // The model's template itself is no client of the model: it stays as it was.
        #expect(await shell.run("ls tmpl").out == "temp\n")
        let again = await shell.run("template check \(file) --all-of-model fleet")
        #expect(again.status == 0 && again.out.components(separatedBy: " matches \(file)\n").count == 3, "\(again)")
        try await shell.setUp("set format json")
        let rows = try JSON(parsing: await shell.run("template check \(file) --all-of-model fleet").out)
        #expect(rows == [])
        let unknown = await shell.run("template check \(file) --all-of-model nothing")
        #expect(unknown.status == 1)
        #expect(unknown.err.hasPrefix("error: template check: no client is enabled for a serial number of model 'nothing'"), "\(unknown.err)")
        let both = await shell.run("template check site \(file) --all-of-model fleet")
        #expect(both.status == 2, "\(both)")
    }

    @Test func aClientOfTheFleetThatRefusesPutsTheOthersBack() async throws {
        let shell = try ShellFixture()
        let rids = try await Self.fleet(shell)
        // The second client may hold no more dataports than the one it has.
        try await shell.setUp("update \(rids.sorted()[1]) --json '{\"limits\": {\"dataport\": 1}}'")
        let file = try shell.write("fleet.yaml", "dataports:\n  - alias: humidity\n    format: integer\n")
        let before = await shell.run("dump site").out
        let result = await shell.run("template apply \(file) --all-of-model fleet")
        #expect(result.status == 1)
        #expect(result.err.contains("the dataport limit of"), "\(result.err)")
        #expect(await shell.run("dump site").out == before)
    }

    /// exoline's own example spec, as its README shows it.
    static let exolineSpec = """
        # Example client specification file
        device:
            model: "myModel"
            vendor: "myVendor"
        dataports:
            - alias: mystring
            - name: Temperature
              alias: temp
              format: float
              unit: °F
            - name: LED Control
              alias: led6
              format: integer
            - alias: config
              format: string/json
              initial:
                foo: bar
                baz: [1, 2, 3]
            - alias: person
              format: string/json
              jsonschema: {"title": "Person Schema", "type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
              initial:
                name: John Doe
            - alias: place
              description: 'This is a place I have been'
              public: true
        scripts:
            - file: files/helloworld.lua
            - file: files/helloworld.lua
              alias: greeting
            - alias: singleLineScript
              code: debug('hello from inside lua!')
            - alias: multilineScript
              code: |
                for x=1,10 do
                  debug('hello from for loop ' .. x)
                end

        """

    @Test func exolineSpecFilesWork() async throws {
        let shell = try ShellFixture()
        try FileManager.default.createDirectory(atPath: shell.file("files"), withIntermediateDirectories: true)
        _ = try shell.write("files/helloworld.lua", "debug('hello world')\n")
        let file = try shell.write("spec.yaml", Self.exolineSpec)
        try await shell.setUp("create client dev")
        let applied = await shell.run("template apply dev \(file)")
        #expect(applied.status == 0, "\(applied)")
        #expect(applied.out.contains("created script helloworld.lua\n") && applied.out.contains("created script greeting\n"), "\(applied.out)")
        #expect(applied.out.hasSuffix("note: \(file):21: jsonschema of dataport 'person' is read but not checked by onep\n"), "\(applied.out)")
        #expect(await shell.run("read dev/config").out.hasSuffix("{\"foo\":\"bar\",\"baz\":[1,2,3]}\n"))
        let info = await shell.run("info dev/temp --include description")
        #expect(info.out.contains("\"meta\": \"{\\\"datasource\\\":{\\\"unit\\\":\\\"°F\\\"}}\""), "\(info.out)")
        let checked = await shell.run("template check dev \(file)")
        #expect(checked.status == 0, "\(checked)")
        try await shell.setUp("write dev/config 'not json'")
        let broken = await shell.run("template check dev \(file)")
        #expect(broken.status == 1)
        #expect(broken.out.contains("  config  dataport\n-   value: not json\n+   value: JSON text (format string/json)\n"), "\(broken.out)")
    }

    /// exoline's spec files may give the device's own limits under `device:`; they are the limits
    /// of the client the template is applied to.
    @Test func theDevicesOwnLimitsAreCheckedAndApplied() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("limits.yaml", "device:\n  vendor: acme\n  model: box\n  limits:\n    dataport: 2\n")
        try await shell.setUp("create client dev")
        let checked = await shell.run("template check dev \(file)")
        #expect(checked.status == 1, "\(checked)")
        #expect(checked.out.contains("  .  client\n-   limits.dataport: inherit\n+   limits.dataport: 2\n"), "\(checked.out)")
        let applied = await shell.run("template apply dev \(file)")
        #expect(applied.status == 0 && applied.out == "updated client .: limits\n", "\(applied)")
        #expect(await shell.run("template check dev \(file)").status == 0)
        let description = try JSON(parsing: await shell.run("info dev --include description").out)
        #expect(description["description"]?["limits"]?["dataport"] == 2, "\(description)")
        #expect(description["description"]?["limits"]?["datarule"] == "inherit", "\(description)")
        try await shell.setUp("create dataport dev/a --format integer", "create dataport dev/b --format integer")
        #expect(await shell.run("create dataport dev/c --format integer").status == 1)
        let bad = try shell.write("bad.yaml", "device:\n  limits:\n    dataports: 2\n")
        let refused = await shell.run("template check dev \(bad)")
        #expect(refused.status == 1 && refused.err.hasPrefix("error: \(bad):3: "), "\(refused)")
    }

    @Test func exolineIdsMakeOneResourcePerID() async throws {
        let shell = try ShellFixture()
        let file = try shell.write(
            "ids.yaml",
            "dataports:\n  - alias: temp<% id %>\n    format: float\nscripts:\n  - alias: convert<% id %>.lua\n    code: debug('<% id %>')\n")
        try await shell.setUp("create client dev")
        let missing = await shell.run("template apply dev \(file)")
        #expect(missing.status == 1)
        #expect(
            missing.err
                == "error: \(file):2: dataport 'temp<% id %>' uses <% id %>: give --ids A,B,... for one dataport per id (as exoline's spec --ids)\n",
            "\(missing.err)")
        let applied = await shell.run("template apply dev \(file) --ids A,B")
        #expect(
            applied.out == "created dataport tempA\ncreated dataport tempB\ncreated script convertA.lua\ncreated script convertB.lua\n", "\(applied)")
        #expect(await shell.run("info dev/convertB.lua --include description").out.contains("debug('B')"))
        #expect(await shell.run("template check dev \(file) --ids A,B").status == 0)
        #expect(await shell.run("template check dev \(file) --ids A,B,C").status == 1)
    }

    @Test func diffAgainstATemplateUsesDiffsListing() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("t.yaml", "dataports:\n  - alias: temp\n    format: float\n    unit: C\n")
        try await shell.setUp(
            "create client dev", "create dataport dev/temp --alias temp --format float", "create dataport dev/other --format integer")
        let result = await shell.run("diff dev \(file)")
        #expect(result.status == 1)
        // Only what the template gives is compared: 'other' is no difference.
        #expect(result.out == "--- dev\n+++ \(file)\n  temp  dataport\n+   unit: C\n", "\(result.out)")
        let swapped = await shell.run("diff \(file) dev")
        #expect(
            swapped.status == 1 && swapped.err == "error: diff: a template says only part of a client, so it goes on the right: diff dev \(file)\n")
        try await shell.setUp("update dev/temp --meta '{\"unit\": \"C\"}'")
        #expect(await shell.run("diff dev \(file)").out == "no differences\n")
    }
}
