import Foundation
import OnePJSON
import OnePlatform
import Testing

/// The example scripts in docs/scripts, run against the embedded platform as a device uses them.
@Suite("Example scripts", .timeLimit(.minutes(1)))
struct ScriptExampleTests {
    static func source(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/scripts/\(name).lua"), encoding: .utf8)
    }

    @Test func thermistorCountsBecomeDegrees() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["name": "probe"])
        try await platform.dataport("integer", alias: "adc", auth: device.auth)
        let temperature = try await platform.dataport("float", alias: "temperature", auth: device.auth)
        let script = try await platform.script(try Self.source("thermistor"), auth: device.auth)
        var expected: [JSON] = []
        for counts in [512, 300, 800] {
            platform.clock.advance(by: 60)
            try await platform.feed(["alias": "adc"], .int(counts), auth: device.auth)
            let resistance = 10_000 * Double(counts) / Double(1023 - counts)
            let kelvin = 1 / (1 / 298.15 + log(resistance / 10_000) / 3950)
            expected.append(.double(((kelvin - 273.15) * 100 + 0.5).rounded(.down) / 100))
        }
        platform.clock.advance(by: 60)
        try await platform.feed(["alias": "adc"], 1023, auth: device.auth)
        #expect(try await platform.values(temperature) == expected)
        #expect(expected.first == 24.96)
        let log = try await platform.log(script, auth: device.auth)
        #expect(log == ["line 17: reading out of range: 1023"], "\(log)")
    }

    @Test func theAverageCoversTheLastDay() async throws {
        let platform = try TestPlatform.inMemory()
        let temperature = try await platform.dataport("float", alias: "temperature")
        let average = try await platform.dataport("float", alias: "average_24h")
        // A reading an hour for the last 30 hours: 1, 2, ... 30.
        let start = platform.now - 29 * 3600
        try await platform.ok("record", [.string(temperature), .array((0..<30).map { [.int(start + $0 * 3600), .int($0 + 1)] })])
        try await platform.script(try Self.source("average-24h"))
        // The readings of the last day (7...30) were caught up at their own times.
        let caughtUp = try await platform.points(.string(average))
        #expect(caughtUp.count == 24)
        #expect(caughtUp.last?[1] == .double(Double((7...30).reduce(0, +)) / 24))
        platform.clock.advance(by: 3600)
        try await platform.feed(["alias": "temperature"], 55)
        // 31 hours on, the window holds 8...30 and the new reading.
        #expect(try await platform.latest(["alias": "average_24h"]) == .double(Double((8...30).reduce(0, +) + 55) / 24))
    }

    @Test func aThresholdAlertEmailsOnceAndClears() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "temperature")
        let alert = try await platform.dataport("integer", alias: "alert")
        let script = try await platform.script(try Self.source("threshold-alert"))
        for reading in [25.0, 31.5, 32.0, 29.0, 27.5, 30.5] {
            platform.clock.advance(by: 60)
            try await platform.feed(["alias": "temperature"], .double(reading))
        }
        #expect(try await platform.values(alert) == [1, 0, 1])
        let first = platform.now - 4 * 60
        let last = platform.now
        #expect(
            try await platform.log(script) == [
                "dispatch email to ops@example.com: Temperature alert: 31.5 C at \(Self.utc(first))",
                "dispatch email to ops@example.com: Temperature alert: 30.5 C at \(Self.utc(last))",
            ])
        #expect(try await platform.ok("info", [["alias": ""], ["counts": true]])["counts"]?["email"] == 2)
    }

    private static func utc(_ timestamp: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: Double(timestamp)))
    }

    @Test func jsonPacketsAreUnpackedIntoDataports() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("string", alias: "packet")
        let temperature = try await platform.dataport("float", alias: "temperature")
        let humidity = try await platform.dataport("integer", alias: "humidity")
        let script = try await platform.script(try Self.source("json-packet"))
        let packets = [
            #"{"device":"probe-7","readings":{"temperature":21.5,"humidity":40}}"#,
            #"{"readings":{"temperature":22}"#,
            #"{"readings":{"pressure":1013}}"#,
            #"{"status":"booting"}"#,
        ]
        for packet in packets {
            platform.clock.advance(by: 1)
            try await platform.feed(["alias": "packet"], .string(packet))
        }
        #expect(try await platform.points(.string(temperature)) == [[.int(platform.now - 3), 21.5]])
        #expect(try await platform.values(humidity) == [40])
        let log = try await platform.log(script).map(TestPlatform.withoutLine)
        #expect(log.count == 3)
        #expect(log.first?.hasPrefix("bad packet: invalid JSON at byte") == true)
        #expect(Array(log.dropFirst()) == ["no dataport for pressure", "packet without readings"])
    }

    @Test func aSilentDeviceRaisesAnAlertThatClearsWhenItReports() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "heartbeat")
        let silent = try await platform.dataport("integer", alias: "silent")
        let script = try await platform.script(try Self.source("heartbeat-timeout"))
        try await platform.advance(by: 200)
        try await platform.feed(["alias": "heartbeat"], 1)
        try await platform.advance(by: 299)
        #expect(try await platform.values(silent) == [0])
        try await platform.advance(by: 1)
        #expect(try await platform.values(silent) == [0, 1])
        #expect(try await platform.log(script) == ["dispatch sms to +15551234567: no heartbeat for 5 minutes"])
        try await platform.advance(by: 1000)
        try await platform.feed(["alias": "heartbeat"], 2)
        #expect(try await platform.values(silent) == [0, 1, 0])
        #expect(try await platform.log(script).count == 1)
    }

    @Test func missingDataportsAreCreatedOnce() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["name": "device"])
        try await platform.dataport("float", alias: "temperature", auth: device.auth)
        let source = try Self.source("create-dataports")
        let script = try await platform.script(source, auth: device.auth)
        let log = try await platform.log(script, auth: device.auth)
        #expect(Set(log) == ["line 11: created humidity", "line 11: created status"], "\(log)")
        let dataports = try #require(try await platform.ok("listing", [["dataport"], [:]], auth: device.auth)["dataport"]?.arrayValue)
        #expect(dataports.count == 3)
        #expect(try await platform.ok("info", [["alias": "status"], ["description": true]], auth: device.auth)["description"]?["format"] == "string")
        // Run again (a new source runs from the top): nothing more is created.
        try await platform.ok("update", [.string(script), ["rule": ["script": .string(source + "\n")]]], auth: device.auth)
        try await platform.platform.settle()
        #expect(try await platform.ok("listing", [["dataport"], [:]], auth: device.auth)["dataport"]?.arrayValue?.count == 3)
        #expect(try await platform.log(script, auth: device.auth).count == 2)
    }
}
