import Foundation

/// C's `strftime` for scripts' `date()`: the conversions, flags (`-`, `_`, `0`, `^`, `#`),
/// field widths and `E`/`O` modifiers of the GNU C library, in a given locale.
///
/// Unlike the C function, an unknown conversion is not copied through: the whole format is
/// refused, as `date()` answers `nil, "badspecifier"` for it.
struct Strftime {
    let words: LocaleWords
    let zone: TimeZone

    /// The formatted text, or nil when the format has an invalid specifier.
    func format(_ format: String, _ time: BrokenDownTime) -> String? {
        var output = ""
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                output.append(character)
                continue
            }
            var flag: Character?
            var width = 0
            var next = characters.next()
            while let current = next, "-_0^#".contains(current) {
                flag = current
                next = characters.next()
            }
            while let current = next, let digit = current.wholeNumberValue, current.isASCII {
                width = width * 10 + digit
                next = characters.next()
            }
            if let current = next, current == "E" || current == "O" { next = characters.next() }
            guard let conversion = next, let field = self.field(conversion, time) else { return nil }
            output += field.padded(flag: flag, width: width)
        }
        return output
    }

    /// One conversion's text, with how it pads.
    private struct Field {
        var text: String
        /// The pad character and width it has by default (numbers), or none (words).
        var pad: Character? = nil
        var naturalWidth = 0
        /// Whether `#` makes it lower case (rather than upper case).
        var swapsToLower = false

        static func number(_ value: Int, width: Int, pad: Character = "0") -> Field {
            Field(text: String(value), pad: pad, naturalWidth: width)
        }

        func padded(flag: Character?, width: Int) -> String {
            var text = self.text
            switch flag {
            case "^": text = text.uppercased()
            case "#": text = swapsToLower ? text.lowercased() : text.uppercased()
            default: break
            }
            if flag == "-" { return text }
            let padCharacter: Character = flag == "_" ? " " : flag == "0" ? "0" : (pad ?? " ")
            let target = max(width, pad == nil ? 0 : naturalWidth)
            guard text.count < target else { return text }
            let filler = String(repeating: padCharacter, count: target - text.count)
            if padCharacter == "0", text.hasPrefix("-") { return "-" + filler + text.dropFirst() }
            return filler + text
        }
    }

    private func field(_ conversion: Character, _ time: BrokenDownTime) -> Field? {
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        switch conversion {
        case "a": return Field(text: words.shortWeekdays[time.weekday])
        case "A": return Field(text: words.weekdays[time.weekday])
        case "b", "h": return Field(text: words.shortMonths[time.month - 1])
        case "B": return Field(text: words.months[time.month - 1])
        case "c": return composite("c", words.dateTime, time)
        case "C": return .number(BrokenDownTime.floorDivide(time.year, 100), width: 2)
        case "d": return .number(time.day, width: 2)
        case "D": return composite(nil, "%m/%d/%y", time)
        case "e": return .number(time.day, width: 2, pad: " ")
        case "F": return composite(nil, "%Y-%m-%d", time)
        case "g": return .number(BrokenDownTime.floorModulo(time.isoWeek.year, 100), width: 2)
        case "G": return .number(time.isoWeek.year, width: 1)
        case "H": return .number(time.hour, width: 2)
        case "I": return .number(hour12, width: 2)
        case "j": return .number(time.yearDay + 1, width: 3)
        case "k": return .number(time.hour, width: 2, pad: " ")
        case "l": return .number(hour12, width: 2, pad: " ")
        case "m": return .number(time.month, width: 2)
        case "M": return .number(time.minute, width: 2)
        case "n": return Field(text: "\n")
        case "p": return Field(text: time.hour < 12 ? words.am : words.pm, swapsToLower: true)
        case "P": return Field(text: (time.hour < 12 ? words.am : words.pm).lowercased())
        case "r": return composite(nil, words.time12, time)
        case "R": return composite(nil, "%H:%M", time)
        case "s": return .number(time.epoch, width: 1)
        case "S": return .number(time.second, width: 2)
        case "t": return Field(text: "\t")
        case "T": return composite(nil, "%H:%M:%S", time)
        case "u": return .number(time.weekday == 0 ? 7 : time.weekday, width: 1)
        case "U": return .number((time.yearDay + 7 - time.weekday) / 7, width: 2)
        case "V": return .number(time.isoWeek.week, width: 2)
        case "w": return .number(time.weekday, width: 1)
        case "W": return .number((time.yearDay + 7 - (time.weekday + 6) % 7) / 7, width: 2)
        case "x": return composite("x", words.date, time)
        case "X": return composite("X", words.time, time)
        case "y": return .number(BrokenDownTime.floorModulo(time.year, 100), width: 2)
        case "Y": return .number(time.year, width: 1)
        case "z": return Field(text: Self.offsetText(time.offset))
        case "Z": return Field(text: time.zoneName, swapsToLower: true)
        case "%": return Field(text: "%")
        default: return nil
        }
    }

    /// A conversion that stands for a format of its own, or that the locale's formatter writes.
    private func composite(_ conversion: Character?, _ format: String?, _ time: BrokenDownTime) -> Field? {
        if let format { return self.format(format, time).map { Field(text: $0) } }
        guard let conversion, let composite = words.composite else { return nil }
        return Field(text: composite(conversion, Date(timeIntervalSince1970: Double(time.epoch)), zone))
    }

    /// `+hhmm` / `-hhmm`.
    static func offsetText(_ offset: Int) -> String {
        let minutes = abs(offset) / 60
        let digits = String(minutes / 60 * 100 + minutes % 60)
        return (offset < 0 ? "-" : "+") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
