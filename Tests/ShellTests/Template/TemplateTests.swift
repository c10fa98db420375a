import Foundation
import OnePJSON
import Testing

/// `template generate`, `apply`, `check` and `example` against the embedded platform.
@Suite struct TemplateTests {
    static let thermostat = """
        device:
          model: thermostat
        dataports:
          - alias: temp
            name: Temperature
            format: float
            unit: °C
            retention: {count: 100}
            range: {min: -40, max: 85}
            initial: 20.5
          - alias: mode
            format: string
            values: [heat, cool, off]
          - alias: fahrenheit
            format: float
            subscribe: temp
            preprocess: [[mul, 1.8], [add, 32]]
        datarules:
          - alias: too_hot
            format: integer
            subscribe: temp
            rule: {simple: {comparison: gt, constant: 30, repeat: false}}
        scripts:
          - alias: hello
            code: debug('hello')
        clients:
          - alias: gateway
            dataports:
              - alias: uptime
                format: integer

        """

    @Test func generateApplyCheckAndDiffMakeADeviceLikeAnother() async throws {
        let shell = try ShellFixture()
        try await DumpLoadTests.device(shell)
        try await shell.setUp("create client dev/sub/deeper", "create dataport dev/sub/deeper/x --format integer --alias x")
        let file = shell.file("dev.yaml")
        let generated = await shell.run("template generate dev --file \(file)")
        #expect(generated.out == "wrote the template of /dev (8 resources) to \(file)\n", "\(generated)")
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(yaml.contains("subscribe: raw"), "\(yaml)")
        #expect(yaml.contains("preprocess: [[add, offset]]"), "\(yaml)")
        try await shell.setUp("create client twin")
        let applied = await shell.run("template apply twin \(file)")
        #expect(applied.status == 0, "\(applied)")
        #expect(applied.out.contains("created dataport raw\n"), "\(applied.out)")
        #expect(applied.out.contains("created client sub/deeper\n"), "\(applied.out)")
        let checked = await shell.run("template check twin \(file)")
        #expect(checked.status == 0 && checked.out == "/twin matches \(file)\n", "\(checked)")
        let compared = await shell.run("diff dev twin")
        #expect(compared.status == 0 && compared.out == "no differences\n", "\(compared)")
        #expect(await shell.run("diff twin \(file)").out == "no differences\n")
        // The copy's subscription is its own raw, not the original's.
        try await shell.setUp("write twin/raw 3.25")
        #expect(await shell.run("read twin/copy --limit 1").out.hasSuffix("3.25\n"))
    }

    @Test func aSecondApplyChangesNothingAndSaysSo() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("thermostat.yaml", Self.thermostat)
        try await shell.setUp("create client dev")
        let first = await shell.run("template apply dev \(file)")
        #expect(first.status == 0, "\(first)")
        #expect(
            first.out.split(separator: "\n").sorted() == [
                "created client gateway", "created dataport Temperature", "created dataport fahrenheit", "created dataport gateway/uptime",
                "created dataport mode", "created datarule too_hot", "created script hello",
            ], "\(first.out)")
        #expect(await shell.run("read dev/temp").out.hasSuffix("20.5\n"))
        let before = await shell.run("dump dev").out
        let second = await shell.run("template apply dev \(file)")
        #expect(second.status == 0 && second.out == "nothing to change: /dev matches \(file)\n", "\(second)")
        #expect(await shell.run("dump dev").out == before)
        #expect(await shell.run("template check dev \(file)").status == 0)
        try await shell.setUp("write dev/temp 40")
        #expect(await shell.run("read dev/too_hot").out.hasSuffix("1\n"))
        #expect(await shell.run("read dev/fahrenheit").out.hasSuffix("104.0\n"))
    }

    @Test func checkReportsEveryDifferenceAndExitsOne() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("thermostat.yaml", Self.thermostat)
        try await shell.setUp(
            "create client dev", "create dataport dev/Temperature --format float --retention-count 5 --meta '{\"unit\":\"F\"}'",
            "create dataport dev/mode --alias mode --format string", "write dev/mode warm", "write dev/Temperature 99")
        let result = await shell.run("template check dev \(file)")
        #expect(result.status == 1)
        let out = result.out
        #expect(out.hasPrefix("--- /dev\n+++ \(file)\n"), "\(out)")
        #expect(out.contains("  Temperature  dataport\n"), "\(out)")
        #expect(out.contains("-   unit: F\n+   unit: °C\n"), "\(out)")
        #expect(out.contains("-   retention.count: 5\n+   retention.count: 100\n"), "\(out)")
        #expect(out.contains("+   aliases: [\"temp\"]\n"), "\(out)")
        #expect(out.contains("+   aliases: [\"temp\"]\n-   value: 99.0\n+   value: a number from -40 to 85\n"), "\(out)")
        #expect(
            out.contains("  mode  dataport\n+   values: [\"heat\",\"cool\",\"off\"]\n-   value: warm\n+   value: one of heat, cool, off\n"), "\(out)")
        #expect(out.contains("+   range.min: -40\n+   range.max: 85\n"), "\(out)")
        for added in ["fahrenheit  dataport", "too_hot  datarule", "hello  datarule", "gateway  client"] {
            #expect(out.contains("+ \(added)\n"), "\(added): \(out)")
        }
        try await shell.setUp("set format json")
        let rows = try JSON(parsing: await shell.run("template check dev \(file)").out).arrayValue ?? []
        #expect(rows.contains { $0["field"] == "retention.count" && $0["left"] == 5 && $0["right"] == 100 })
    }

    @Test func dryRunSaysWhatWouldChangeAndChangesNothing() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("thermostat.yaml", Self.thermostat)
        try await shell.setUp("create client dev", "create dataport dev/Temperature --format float --retention-count 5")
        let before = await shell.run("dump dev").out
        let dry = await shell.run("template apply dev \(file) --dry-run")
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.out.contains("would update dataport Temperature: retention, meta\n"), "\(dry.out)")
        #expect(dry.out.contains("would map the alias 'temp' to dataport Temperature\n"), "\(dry.out)")
        #expect(dry.out.contains("would write the initial value 20.5 to dataport Temperature\n"), "\(dry.out)")
        #expect(dry.out.contains("would create client gateway\n"), "\(dry.out)")
        #expect(await shell.run("dump dev").out == before)
        let applied = await shell.run("template apply dev \(file)")
        #expect(applied.out.contains("updated dataport Temperature: retention, meta\n"), "\(applied.out)")
        #expect(await shell.run("info dev/temp --include description").out.contains("\"count\": 100"))
        #expect(await shell.run("template check dev \(file)").status == 0)
    }

    @Test func aFormatThatCannotChangeRefusesTheWholeApply() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("thermostat.yaml", Self.thermostat)
        try await shell.setUp("create client dev", "create dataport dev/temp --alias temp --format integer")
        let before = await shell.run("dump dev").out
        let result = await shell.run("template apply dev \(file)")
        #expect(result.status == 1)
        #expect(
            result.err
                == "error: \(file):4: dataport 'temp': it is integer here and a format cannot change: drop it, or change the template; nothing was changed\n"
        )
        #expect(await shell.run("dump dev").out == before)
    }

    @Test func theExampleIsATemplateThatApplies() async throws {
        let shell = try ShellFixture()
        let example = await shell.run("template example")
        #expect(example.out.hasPrefix("# A onep template"))
        let file = try shell.write("example.yaml", example.out)
        try await shell.setUp("create client dev")
        let applied = await shell.run("template apply dev \(file)")
        #expect(applied.status == 0, "\(applied)")
        #expect(await shell.run("template check dev \(file)").out == "/dev matches \(file)\n")
        #expect(await shell.run("read dev/config").out.hasSuffix("{\"setpoint\":21}\n"))
    }

    @Test func aValueOutOfRangeIsReportedNotChanged() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("t.yaml", "dataports:\n  - alias: temp\n    format: float\n    range: {min: 0, max: 50}\n    initial: 20\n")
        try await shell.setUp("create client dev", "create dataport dev/temp --alias temp --format float", "write dev/temp 80")
        let applied = await shell.run("template apply dev \(file)")
        #expect(applied.status == 1)
        #expect(
            applied.out == "updated dataport temp: meta\nleft as it is: the value of temp is 80.0; the template wants a number from 0 to 50\n",
            "\(applied)")
        #expect(await shell.run("read dev/temp").out.hasSuffix("80.0\n"))
        try await shell.setUp("write dev/temp 30")
        #expect(await shell.run("template apply dev \(file)").out == "nothing to change: /dev matches \(file)\n")
    }

    @Test func programsGetRowsOfChanges() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("thermostat.yaml", Self.thermostat)
        try await shell.setUp("create client dev", "set format json")
        let rows = try JSON(parsing: await shell.run("template apply dev \(file) --dry-run").out).arrayValue ?? []
        #expect(rows.count == 7)
        #expect(rows.contains { $0["change"] == "create" && $0["path"] == "gateway/uptime" && $0["type"] == "dataport" })
        let target = await shell.run("template check dev/nothing \(file)")
        #expect(target.status == 1)
        try await shell.setUp("set format text", "create dataport dev/n --format integer")
        let notAClient = await shell.run("template check dev/n \(file)")
        #expect(
            notAClient.status == 1 && notAClient.err == "error: template: '/dev/n' is a dataport; a template describes a client\n", "\(notAClient)")
    }

    @Test func generatePrintsYAMLWhenNoFileIsGiven() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "create dataport dev/n --alias n --format string --meta '{\"datasource\":{\"unit\":\"%\"}}'")
        let result = await shell.run("template generate dev")
        #expect(result.status == 0)
        #expect(result.out.contains("dataports:\n- alias: n\n  name: n\n  format: string\n  unit: '%'\n"), "\(result.out)")
    }
}
