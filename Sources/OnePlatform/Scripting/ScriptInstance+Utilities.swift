import CLua
import Foundation

/// `debug()`, `date()`, `setlocale()` and `settimezone()`.
extension ScriptInstance {
    /// `debug(message)`: adds `line N: message` to the script's log.
    func debug(_ stack: LuaStack) throws -> Int32 {
        guard let message = stack.text(at: 1) else {
            throw ScriptRaise.badArgument(1, to: "debug", "string expected, got \(stack.typeName(at: 1))")
        }
        let line = ScriptMessage.debugLine(message, line: onep_lua_current_line(stack.state, 1))
        try services.transaction(for: key, writes: true) { scope in try scope.log(line) }
        return 0
    }

    /// `date([format [, time]])`: `%c` of now by default; `*t` answers a table; an invalid
    /// specifier answers `nil, "badspecifier"`. A leading `!` formats in UTC.
    func date(_ stack: LuaStack) throws -> Int32 {
        var format = "%c"
        if !stack.isNil(at: 1) {
            guard let given = stack.string(at: 1) else {
                throw ScriptRaise.badArgument(1, to: "date", "string expected, got \(stack.typeName(at: 1))")
            }
            format = given
        }
        var epoch = Int(services.clock.now().rounded(.down))
        if !stack.isNil(at: 2) {
            guard let number = stack.number(at: 2) else {
                throw ScriptRaise.badArgument(2, to: "date", "time expected, got \(stack.typeName(at: 2))")
            }
            guard number.isFinite, abs(number) <= Self.latestDate, let whole = Int(exactly: number.rounded(.down)) else {
                throw ScriptRaise.badArgument(2, to: "date", "time out of range")
            }
            epoch = whole
        }
        let universal = format.hasPrefix("!")
        if universal { format.removeFirst() }
        let time = calendar.brokenDown(epoch, universal: universal)
        if format == "*t" {
            pushTable(time, on: stack)
            return 1
        }
        guard let text = calendar.format(format, time, universal: universal) else {
            stack.pushNil()
            stack.push("badspecifier")
            return 2
        }
        stack.push(text)
        return 1
    }

    /// The furthest time `date()` formats, about 31 million years either way.
    static let latestDate = 1e15

    private func pushTable(_ time: BrokenDownTime, on stack: LuaStack) {
        let fields = [
            ("sec", time.second), ("min", time.minute), ("hour", time.hour), ("day", time.day), ("month", time.month),
            ("year", time.year), ("wday", time.weekday + 1), ("yday", time.yearDay + 1),
        ]
        stack.newTable(fields: Int32(fields.count))
        for (name, value) in fields {
            stack.push(value)
            stack.setField(name, in: -2)
        }
    }

    /// `setlocale(name)`: true when the locale is now in effect.
    func setLocale(_ stack: LuaStack) -> Int32 {
        stack.push(stack.string(at: 1).map { calendar.setLocale($0) } ?? false)
        return 1
    }

    /// `settimezone(name)`: true when the time zone is now in effect.
    func setTimeZone(_ stack: LuaStack) -> Int32 {
        stack.push(stack.string(at: 1).map { calendar.setTimeZone($0) } ?? false)
        return 1
    }
}
