import OneP

/// provision sn ranges add|remove: serial number ranges a model accepts without listing each number.
enum ProvisionSerialRanges {
    static let formats = ["base10", "base16", "mac:48", "mac-48", "mac.48"]

    static let model = ProvisionSerialCommands.model
    static let format = Argument<String>("FORMAT", "how the numbers are written", type: .choice(formats))
    static let first = Argument<String>("FIRST", "the first number: decimal for base10, hex or a MAC address otherwise")
    static let last = Argument<String>("LAST", "the last number, written like FIRST")
    static let length = Option<Int>("length", "N", "digits the numbers are zero-padded to (base10 and base16)")
    static let casing = Option<String>("casing", "CASE", "letter case of hex digits (default upper)", type: .choice(["upper", "lower"]))
    static let arguments: [any ArgumentKey] = [model, format, first, last, length, casing]

    static let add = CommandSpec(
        words: ["provision", "sn", "ranges", "add"],
        abstract: "Accept a range of serial numbers in a model",
        discussion: "'provision sn ranges MODEL' shows the ranges a model accepts.",
        arguments: arguments,
        examples: [
            "provision sn ranges add thermostat base10 1000 1999 --length 6",
            "provision sn ranges add thermostat mac:48 00:1a:2b:00:00:00 00:1a:2b:00:ff:ff",
        ],
        effect: .changes,
        run: { context in
            let (name, numbers) = (context[model], try range(context))
            try context.confirm(name, "the range \(context[first])-\(context[last]) of model '\(name)'")
            _ = try await context.provisionClient().serialNumberAddRanges(model: name, [numbers])
            return .done("added the range \(context[first])-\(context[last]) to \(name)")
        }
    )

    static let remove = CommandSpec(
        words: ["provision", "sn", "ranges", "remove"],
        abstract: "Stop accepting a range of serial numbers, given exactly as it was added",
        arguments: arguments,
        examples: ["provision sn ranges remove thermostat base10 1000 1999 --length 6"],
        effect: .destroys,
        run: { context in
            let (name, numbers) = (context[model], try range(context))
            _ = try await context.provisionClient().serialNumberRemoveRanges(model: name, [numbers])
            return .done("removed the range \(context[first])-\(context[last]) from \(name)")
        }
    )

    /// The range the arguments describe.
    /// - Throws: ``ShellError`` for an end that is not a number of the format, ends in the wrong
    ///   order, or a length given to a MAC format.
    static func range(_ context: CommandContext) throws(ShellError) -> SerialNumberRange {
        let written = context[format]
        let low = try number(context, first, format: written)
        let high = try number(context, last, format: written)
        guard low <= high else {
            throw ShellError(.invalidValue(command: context.spec.name, argument: "LAST", value: context[last], expected: "a number not below FIRST"))
        }
        let digits = context[length]
        if let digits {
            guard !written.hasPrefix("mac") else {
                throw ShellError(
                    .invalidValue(command: context.spec.name, argument: "--length", value: String(digits), expected: "no length with a MAC format"))
            }
            guard (1...64).contains(digits) else {
                throw ShellError(.invalidValue(command: context.spec.name, argument: "--length", value: String(digits), expected: "1 to 64"))
            }
        }
        let uppercase = (context[casing] ?? "upper") == "upper"
        return SerialNumberRange(format: written, length: digits, uppercase: uppercase, first: low, last: high)
    }

    /// One end of a range: decimal digits for base10, hex digits (an optional `0x`) for base16, and
    /// for the MAC formats a MAC address with `:`, `-` or `.` between its groups or bare hex digits.
    private static func number(_ context: CommandContext, _ key: Argument<String>, format: String) throws(ShellError) -> Int {
        let argument = key.spec.name
        let text = context[key]
        let isDecimal = format == "base10"
        var digits = Substring(text)
        if !isDecimal {
            if digits.lowercased().hasPrefix("0x") { digits = digits.dropFirst(2) }
            if format.hasPrefix("mac") { digits = Substring(digits.filter { $0 != ":" && $0 != "-" && $0 != "." }) }
        }
        // A MAC address has 12 hex digits; the other formats stop short of overflowing.
        let maximumDigits = isDecimal ? 18 : format.hasPrefix("mac") ? 12 : 15
        guard !digits.isEmpty, digits.count <= maximumDigits, digits.allSatisfy({ $0.isASCII && (isDecimal ? $0.isNumber : $0.isHexDigit) }),
            let value = Int(digits, radix: isDecimal ? 10 : 16)
        else {
            let expected =
                isDecimal
                ? "decimal digits" : format.hasPrefix("mac") ? "a MAC address like 00:1a:2b:3c:4d:5e, or up to 12 hex digits" : "hex digits"
            throw ShellError(.invalidValue(command: context.spec.name, argument: argument, value: text, expected: expected))
        }
        return value
    }
}
