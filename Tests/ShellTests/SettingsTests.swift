import Foundation
import Shell
import TestSupport
import Testing

/// The session's time zone and time format, and settings kept in the config file.
@Suite struct SettingsTests {
    /// A shell with onep's own default time format (auto), in `zone`.
    func localShell(zone: String = "UTC", home: String? = nil) throws -> ShellFixture {
        var environment = ["TZ": zone]
        if let home { environment["HOME"] = home }
        return try ShellFixture(environment: environment) { $0.timeFormat = nil }
    }

    @Test func textShowsLocalTimeWithItsOffsetAndJSONKeepsUnixSeconds() async throws {
        let shell = try localShell(zone: "America/Chicago")
        try await shell.setUp("create dataport t --format integer", "record t 1700000000,5")
        #expect(await shell.run("read t").out == "timestamp                  t\n2023-11-14 16:13:20-06:00  5\n")
        #expect(await shell.run("set timeformat").out == "setting     value\ntimeformat  auto\n")
        #expect(await shell.run("set tz").out == "setting  value\ntz       America/Chicago\n")
        try await shell.setUp("set tz Asia/Kolkata")
        #expect(await shell.run("read t --timeformat iso8601").out.contains("2023-11-15T03:43:20+05:30"))
        try await shell.setUp("set format csv")
        #expect(await shell.run("read t").out == "timestamp,t\n2023-11-15 03:43:20+05:30,5\n")
        try await shell.setUp("set format json")
        #expect(await shell.run("read t").out == #"[{"timestamp":1700000000,"t":5}]"# + "\n")
        try await shell.setUp("set format text", "set timeformat unix")
        #expect(await shell.run("read t").out == "timestamp   t\n1700000000  5\n")
    }

    @Test func timesTypedWithoutAnOffsetAreReadInTheSessionZone() async throws {
        let shell = try localShell()
        try await shell.setUp("create dataport t --format integer", "set tz America/Chicago", "set timeformat unix")
        try await shell.setUp("record t '2023-11-14 16:13:20,1' '2023-11-14T22:13:21Z,2'")
        #expect(await shell.run("read t --start '2023-11-14 16:13:20' --end '2023-11-14 16:13:20'").out == "timestamp   t\n1700000000  1\n")
        let gap = await shell.run("read t --start '2026-03-08 02:30'")
        #expect(gap.status != 0)
        #expect(gap.err.contains("never happens in America/Chicago") && gap.err.hasSuffix("\n") && gap.err.split(separator: "\n").count == 1)
    }

    @Test func aBadZoneOrFormatIsOneLineAndChangesNothing() async throws {
        let shell = try localShell(zone: "Europe/Paris")
        let bad = await shell.run("set tz Mars/Olympus")
        #expect(bad.status != 0)
        #expect(bad.err.hasPrefix("error: unknown time zone 'Mars/Olympus'") && bad.err.split(separator: "\n").count == 1)
        #expect(await shell.run("set tz").out.contains("Europe/Paris"))
        #expect(await shell.run("set timeformat weekly").status != 0)
        #expect(await shell.run("set timeformat").out.contains("auto"))
    }

    @Test func unsetGoesBackToTheEnvironmentsZone() async throws {
        let shell = try localShell(zone: "Europe/Paris")
        try await shell.setUp("set tz UTC", "unset tz")
        #expect(await shell.run("set tz").out.contains("Europe/Paris"))
    }

    @Test func savedSettingsAreReadAtStart() async throws {
        let first = try localShell()
        try await first.setUp("set --save tz America/Chicago", "set timeformat iso8601", "set --save timeformat")
        let config = try String(contentsOfFile: first.home + "/.config/onep/config.yaml", encoding: .utf8)
        #expect(config.contains("settings:") && config.contains("tz: America/Chicago") && config.contains("timeformat: iso8601"))

        let second = try localShell(home: first.home)
        #expect(second.buffer.stderr == "")
        #expect(await second.run("set tz").out.contains("America/Chicago"))
        #expect(await second.run("set timeformat").out.contains("iso8601"))

        try await second.setUp("unset --save tz")
        let third = try localShell(home: first.home)
        #expect(await third.run("set tz").out.contains("UTC"))
        #expect(await third.run("set timeformat").out.contains("iso8601"))
    }

    @Test func unknownKeysInTheConfigFileAreWarnings() async throws {
        let home = try TemporaryDirectory(prefix: "onep-settings")
        try home.write(".config/onep/config.yaml", "keys: {}\ncolour: on\nsettings:\n  tz: Nowhere/Land\n  timefromat: unix\n  bail: off\n")
        let shell = try localShell(home: home.path)
        let warnings = shell.buffer.stderr
        #expect(warnings.contains("unknown key 'colour' is ignored"))
        #expect(warnings.contains("unknown setting 'timefromat' (did you mean 'timeformat'?)"))
        #expect(warnings.contains("setting tz is ignored: unknown time zone 'Nowhere/Land'"))
        #expect(warnings.split(separator: "\n").allSatisfy { $0.hasPrefix("warning: ") })
        #expect(await shell.run("set bail").out.contains("off"))
    }

    @Test func aBadZoneOnTheCommandLineStopsTheStart() async throws {
        let shell = try ShellFixture { $0.timeZone = "Moon/Base" }
        let problem = await shell.runner.startupError
        #expect(problem?.hasPrefix("--tz: unknown time zone 'Moon/Base'") == true)
    }

    @Test func infoShowsItsTimesAsTheFormatSays() async throws {
        let shell = try localShell(zone: "America/Chicago")
        try await shell.setUp("create dataport t --format integer", "record t 1700000000,5")
        let info = await shell.run("info t --include basic,storage").out
        #expect(info.contains("\"modified\": \"2023-11-14 16:13:20-06:00\""))
        #expect(info.contains("\"last\": \"2023-11-14 16:13:20-06:00\""))
        try await shell.setUp("set format json")
        #expect(await shell.run("info t --include basic").out.contains("\"modified\":1700000000"))
    }
}
