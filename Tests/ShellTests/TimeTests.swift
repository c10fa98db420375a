import Testing

@testable import Shell

@Suite struct TimeTests {
    let now = 1_700_000_000

    @Test(arguments: [
        ("now", 1_700_000_000), ("1600000000", 1_600_000_000), ("-60", 1_699_999_940), ("-30m", 1_699_998_200),
        ("-2h", 1_699_992_800), ("-7d", 1_699_395_200), ("-1w", 1_699_395_200), ("2023-11-14T22:13:20Z", 1_700_000_000),
        ("2023-11-14 22:13:20", 1_700_000_000), ("2023-11-15T00:13:20+02:00", 1_700_000_000), ("2024-02-29", 1_709_164_800),
        ("1970-01-01T00:00:00.5Z", 0),
    ])
    func parses(text: String, expected: Int) {
        #expect(TimeExpression(parsing: text)?.resolve(now: now) == expected)
    }

    @Test(arguments: ["yesterday", "-5x", "2023-13-01", "2023-02-30", "2023-11-14T25:00", "12:00", "", "--5m"])
    func rejects(text: String) {
        #expect(TimeExpression(parsing: text) == nil)
    }

    @Test func formats() {
        #expect(TimeFormat.unix.format(now) == "1700000000")
        #expect(TimeFormat.iso8601.format(now) == "2023-11-14T22:13:20Z")
        #expect(TimeFormat.human.format(now) == "2023-11-14 22:13:20")
        #expect(TimeFormat.excel.format(now) == "11/14/2023 22:13:20")
        #expect(TimeFormat.iso8601.format(-1) == "1969-12-31T23:59:59Z")
        #expect(TimeFormat.age(of: now - 7200, now: now) == "2h")
    }

    @Test func roundTripsThroughCivilDates() {
        for seconds in stride(from: -86_400 * 800, through: 86_400 * 40_000, by: 86_400 * 37 + 3_601) {
            #expect(ISO8601.parse(TimeFormat.iso8601.format(seconds)) == seconds)
        }
    }
}
