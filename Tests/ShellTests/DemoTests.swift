import OneP
import OnePEmbedded
import Shell
import Testing

@Suite struct DemoTests {
    @Test func seedDemoFillsADayOfData() async throws {
        let shell = try ShellFixture()
        let seed = try await seedDemo(transport: InProcessTransport(platform: shell.platform), cik: shell.rootCIK, now: ShellFixture.start)
        #expect(seed.dataports == ["temperature", "humidity", "status"])
        #expect(seed.deviceCIK?.count == 40)
        let tree = await shell.run("tree").out
        #expect(tree.contains("demo-device  client  alias: demo"))
        #expect(tree.contains("temperature  dataport/float  alias: temperature"))
        try await shell.setUp("cd demo", "set format csv")
        let points = await shell.run("read temperature humidity status --limit 1000 --start -1d").out
        #expect(points.split(separator: "\n").count == 145)
        #expect(points.hasPrefix("timestamp,temperature,humidity,status\n1700000000,"))
    }
}
