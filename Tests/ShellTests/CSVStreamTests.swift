import OnePCSV
import OnePJSON
import Testing

@testable import Shell

/// The CSV of a read is written as bytes, times and numbers without a quoting check; it must be
/// the very text of each cell's own text quoted as `CSVCodec.field` quotes it.
@Suite struct CSVStreamTests {
    static let cells: [JSON] = [
        .int(0), .int(-42), .int(Int.max), .int(Int.min), .double(21.5), .double(-0.125), .double(2.0), .double(1e300), .double(-0.0),
        .double(0.1 + 0.2), .bool(true), .bigNumber("9223372036854775808"), .null, .string(""), .string("plain"),
        .string("door, open"), .string("say \"hi\""), .string("two\nlines"), .string("cr\rhere"), .string("温度 °C"),
        .string(" padded "), .array([1, "a,b"]), .object(["k": "v"]),
    ]

    static let zones = ["UTC", "America/Chicago", "Asia/Kathmandu", "Asia/Kolkata", "Australia/Lord_Howe"]

    /// Seconds around the Chicago transitions of 2026, the epoch, before it, and far ahead.
    static let times = [
        1_772_956_799, 1_772_956_800, 1_793_516_399, 1_793_516_400, 1_793_516_401, 0, 59, 3_599, 3_600, -1, -86_401, 1_700_000_000,
        4_102_444_800, 253_402_300_799,
    ]

    /// What each row was before rows were written as bytes: each cell's text, quoted when needed.
    static func reference(_ rows: [[JSON]], _ times: inout TimeText) -> String {
        rows.map { row in
            row.enumerated().map { index, cell in
                if index == 0, let seconds = cell.intValue { return CSVCodec.field(times.text(seconds)) }
                return CSVCodec.field(TextRenderer.plain(cell, pretty: false))
            }.joined(separator: ",") + "\n"
        }.joined()
    }

    @Test(arguments: [TimeFormat.human, .iso8601, .excel, .unix])
    func timedRowsAreEachCellsTextQuotedAsNeeded(format: TimeFormat) throws {
        for name in Self.zones {
            let zone = try SessionZone(named: name)
            var rows = TimedRows(width: 2)
            var table: [[JSON]] = []
            for (index, time) in Self.times.enumerated() {
                for (offset, cell) in Self.cells.enumerated() {
                    let other = Self.cells[(index + offset * 7) % Self.cells.count]
                    rows.appendRow(time: time + offset)
                    rows.setLast(cell, column: 0)
                    rows.setLast(other, column: 1)
                    table.append([.int(time + offset), cell, other])
                }
            }
            var stream = CSVTableStream(Table(columns: ["timestamp", "a,b", "c"], timeColumns: [0]), times: TimeText(format: format, zone: zone))
            var times = TimeText(format: format, zone: zone)
            let expected = "timestamp,\"a,b\",c\n" + Self.reference(table, &times)
            #expect(stream.rows(rows) == expected, "\(format) in \(name)")
            var plain = CSVTableStream(Table(columns: ["timestamp", "a,b", "c"], timeColumns: [0]), times: TimeText(format: format, zone: zone))
            #expect(plain.rows(table) == expected, "\(format) in \(name), rows as lists")
        }
    }

    @Test func aTimeIsWrittenInTheSessionZoneWithItsOffset() throws {
        var rows = TimedRows(width: 1)
        for time in [1_772_956_799, 1_772_956_800, 1_793_516_399, 1_793_516_400] { rows.appendRow(time: time, value: .double(1.5)) }
        let chicago = try SessionZone(named: "America/Chicago")
        var stream = CSVTableStream(Table(columns: ["timestamp", "t"], timeColumns: [0]), times: TimeText(format: .human, zone: chicago))
        #expect(
            stream.rows(rows)
                == "timestamp,t\n2026-03-08 01:59:59-06:00,1.5\n2026-03-08 03:00:00-05:00,1.5\n2026-11-01 01:59:59-05:00,1.5\n2026-11-01 01:00:00-06:00,1.5\n"
        )
        var kathmandu = CSVTableStream(
            Table(columns: ["timestamp", "t"], timeColumns: [0]), times: TimeText(format: .iso8601, zone: try SessionZone(named: "Asia/Kathmandu")))
        #expect(kathmandu.rows(rows).hasPrefix("timestamp,t\n2026-03-08T13:44:59+05:45,1.5\n2026-03-08T13:45:00+05:45,1.5\n"))
    }

    @Test func onlyTheFirstBatchHasTheHeader() {
        var stream = CSVTableStream(Table(columns: ["timestamp", "v"], timeColumns: [0]), times: TimeText(format: .unix, zone: .utc))
        var first = TimedRows(width: 1)
        first.appendRow(time: 1, value: "x")
        var second = TimedRows(width: 1)
        second.appendRow(time: 2, value: .null)
        #expect(stream.rows(first) == "timestamp,v\n1,x\n")
        #expect(stream.rows(second) == "2,\n")
        #expect(stream.end() == "")
    }
}

/// `read` to CSV through the shell and the embedded platform: pages of the read, merged series,
/// times in the session's zone and format, values of every format.
@Suite struct CSVReadTests {
    @Test func aPagedMergedReadInTheSessionZone() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport t --format float", "create dataport s --format string", "create dataport n --format integer",
            // Either side of Chicago's spring transition of 2026 (08:00 UTC), and points only some series have.
            "record t 1772956799,21.5 1772956800,-0.25 1772956860,3",
            "record s '1772956799,door, open' '1772956800,say \"hi\"' 1772956920,plain",
            "record n 1772956800,-7 1772956920,9223372036854775807",
            "set format csv", "set tz America/Chicago", "set timeformat human")
        let expected = #"""
            timestamp,t,s,n
            2026-03-08 01:59:59-06:00,21.5,"door, open",
            2026-03-08 03:00:00-05:00,-0.25,"say ""hi""",-7
            2026-03-08 03:01:00-05:00,3.0,,
            2026-03-08 03:02:00-05:00,,plain,9223372036854775807

            """#
        let merged = await shell.run("read t s n --start 1772956000 --end 1772960000 --sort asc")
        #expect(merged.out == expected, "\(merged.out)\(merged.err)")
        // A page of one point per resource per request: the same rows.
        #expect(await shell.run("read t s n --start 1772956000 --end 1772960000 --sort asc --chunk 1").out == expected)
        #expect(
            await shell.run("read t --start 1772956000 --end 1772960000 --sort asc --timeformat iso8601 --chunk 2").out
                == "timestamp,t\n2026-03-08T01:59:59-06:00,21.5\n2026-03-08T03:00:00-05:00,-0.25\n2026-03-08T03:01:00-05:00,3.0\n")
        #expect(
            await shell.run("read n --start 1772956000 --end 1772960000 --timeformat excel").out
                == "timestamp,n\n03/08/2026 03:02:00,9223372036854775807\n03/08/2026 03:00:00,-7\n")
        #expect(
            await shell.run("read n --start 1772956000 --end 1772960000 --timeformat unix").out
                == "timestamp,n\n1772956920,9223372036854775807\n1772956800,-7\n")
    }
}
