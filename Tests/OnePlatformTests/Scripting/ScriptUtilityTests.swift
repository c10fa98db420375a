import OnePJSON
import OnePlatform
import Testing

/// `now`, `date()`, `debug()`, `setlocale()` and `settimezone()`.
@Suite("Script utilities", .timeLimit(.minutes(1)))
struct ScriptUtilityTests {
    @Test func nowIsThePlatformClock() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said("debug(tostring(now))")
        #expect(said == [String(platform.now)])
    }

    @Test func dateFormatsInEnglishAndUTCByDefault() async throws {
        let platform = try TestPlatform.inMemory(now: 1_400_000_000)
        let said = try await platform.said(
            """
            debug(date())
            debug(date('%Y-%m-%d %H:%M:%S %Z %z', 0))
            debug(date('%c', 1400000000))
            debug(date('%x %X %r %p %I', 1400000000))
            debug(date('%a %A %b %B %h %e|%-d|%_m|%j %U %W %V %G %g %u %w %y %C %s %%', 1400000000))
            debug(date('%D %F %R %T %k %l', 1400000000) .. '|' .. date('%^a %#p %5Y %03d', 1400000000))
            """)
        #expect(
            said == [
                "Tue 13 May 2014 04:53:20 PM UTC",
                "1970-01-01 00:00:00 UTC +0000",
                "Tue 13 May 2014 04:53:20 PM UTC",
                "05/13/2014 04:53:20 PM 04:53:20 PM PM 04",
                "Tue Tuesday May May May 13|13| 5|133 19 19 20 2014 14 2 2 14 20 1400000000 %",
                "05/13/14 2014-05-13 16:53 16:53:20 16  4|TUE pm 02014 013",
            ])
    }

    @Test func dateAsATableAndBadSpecifiers() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            local t = date('*t', 951825600)
            debug(t.year .. '-' .. t.month .. '-' .. t.day .. ' ' .. t.hour .. ':' .. t.min .. ':' .. t.sec .. ' ' .. t.wday .. ' ' .. t.yday)
            local text, problem = date('%Q', 0)
            debug(tostring(text) .. ' ' .. problem)
            debug(tostring(date('%', 0)) .. ' ' .. tostring(date('%E', 0)))
            """)
        #expect(said == ["2000-2-29 12:0:0 3 60", "nil badspecifier", "nil nil"])
    }

    @Test func setlocaleChangesTheWordsAndFormats() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            debug(tostring(setlocale('C')) .. ' ' .. date('%c', 0))
            debug(tostring(setlocale('POSIX')) .. ' ' .. date('%x', 0))
            debug(tostring(setlocale('de_DE.utf8')) .. ' ' .. date('%A %B', 0))
            debug(tostring(setlocale('fr_FR')) .. ' ' .. date('%a %b', 0))
            debug(tostring(setlocale('xx_YY')) .. ' ' .. date('%A', 0))
            debug(tostring(setlocale('en_US')) .. ' ' .. date('%c', 0))
            """)
        #expect(
            said == [
                "true Thu Jan  1 00:00:00 1970",
                "true 01/01/70",
                "true Donnerstag Januar",
                "true jeu. janv.",
                "false jeudi",
                "true Thu 01 Jan 1970 12:00:00 AM UTC",
            ])
    }

    @Test func settimezoneShiftsDate() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            debug(tostring(settimezone('America/Chicago')) .. ' ' .. date('%Y-%m-%d %H:%M %z', 0))
            debug(date('%H %z', 1404172800))
            debug(date('!%H %Z', 0))
            debug(tostring(settimezone('Mars/Olympus')) .. ' ' .. date('%H', 0))
            debug(tostring(settimezone('Asia/Kolkata')) .. ' ' .. date('%H:%M %z', 0) .. ' ' .. date('*t', 0).hour)
            debug(tostring(settimezone('UTC')) .. ' ' .. date('%H %Z', 0))
            """)
        #expect(
            said == [
                "true 1969-12-31 18:00 -0600",
                "19 -0500",
                "00 UTC",
                "false 18",
                "true 05:30 +0530 5",
                "true 00 UTC",
            ])
    }

    @Test func debugPrependsTheLineItWasCalledFrom() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.script("debug('first')\n\nlocal function f()\n  debug(42)\nend\nf()")
        #expect(try await platform.log(script) == ["line 1: first", "line 4: 42"])
        let failing = try await platform.script("debug({})")
        #expect(try await platform.log(failing) == ["error: line 1: bad argument #1 to 'debug' (string expected, got table)"])
    }

    @Test func aFloodOfDebugLinesInOneSecondIsCutShort() async throws {
        let platform = try TestPlatform.inMemory()
        // 800 lines overflow the second's 16 KiB; each debug() costs a platform call's ticks, so
        // many more would make the script a runaway (a hundred slices without a wait) that
        // settle no longer waits for.
        let script = try await platform.script("for i = 1, 800 do debug('line number ' .. i) end\ndebug('done')")
        let points = try await platform.points(.string(script))
        #expect(points.count == 1)
        let text = try #require(points.first?[1]?.stringValue)
        #expect(text.utf8.count <= 16 * 1024 + 64)
        #expect(text.hasPrefix("line 1: line number 1\nline 1: line number 2\n"))
        #expect(text.hasSuffix("\n(more lines in this second were dropped)"))
        #expect(try await platform.scriptStatus(script) == "completed")
    }

    @Test func debugLinesOfOneSecondShareItsPointAndLaterOnesGetTheirOwn() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "tick")
        let script = try await platform.script("while true do debug('a') debug('b') alias['tick'].wait() end")
        platform.clock.advance(by: 1)
        try await platform.feed(["alias": "tick"], 1)
        let points = try await platform.points(.string(script))
        #expect(points.map { $0[1] ?? .null } == ["line 1: a\nline 1: b", "line 1: a\nline 1: b"])
    }
}
