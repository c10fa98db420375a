import OneP

/// provision sn ranges add|remove: serial number ranges a model accepts without listing each number.
enum ProvisionSerialRanges {
    static let formats = ["base10", "base16", "mac:48", "mac-48", "mac.48"]

    static let positionals = [
        ProvisionSerialCommands.model,
        PositionalSpec(name: "FORMAT", help: "how the numbers are written", type: .choice(formats)),
        PositionalSpec(name: "FIRST", help: "the first number: decimal for base10, hex or a MAC address otherwise"),
        PositionalSpec(name: "LAST", help: "the last number, written like FIRST"),
    ]

    static let options: [OptionSpec] = [
        .value("length", "N", "digits the numbers are zero-padded to (base10 and base16)", type: .integer),
        .value("casing", "CASE", "letter case of hex digits (default upper)", type: .choice(["upper", "lower"])),
    ]

    static let add = CommandSpec(
        words: ["provision", "sn", "ranges", "add"],
        abstract: "Accept a range of serial numbers in a model",
        discussion: "'provision sn ranges MODEL' shows the ranges a model accepts.",
        positionals: positionals,
        options: options,
        examples: [
            "provision sn ranges add thermostat base10 1000 1999 --length 6",
            "provision sn ranges add thermostat mac:48 00:1a:2b:00:00:00 00:1a:2b:00:ff:ff",
        ],
        effect: .changes,
        body: { context in
            let (name, range) = (context.arguments.required("MODEL"), try range(context))
            _ = try await context.provisionClient().serialNumberAddRanges(model: name, [range])
            context.emitDone("added the range \(context.arguments.required("FIRST"))-\(context.arguments.required("LAST")) to \(name)")
        }
    )

    static let remove = CommandSpec(
        words: ["provision", "sn", "ranges", "remove"],
        abstract: "Stop accepting a range of serial numbers, given exactly as it was added",
        positionals: positionals,
        options: options,
        examples: ["provision sn ranges remove thermostat base10 1000 1999 --length 6"],
        effect: .destroys,
        body: { context in
            let (name, range) = (context.arguments.required("MODEL"), try range(context))
            _ = try await context.provisionClient().serialNumberRemoveRanges(model: name, [range])
            context.emitDone("removed the range \(context.arguments.required("FIRST"))-\(context.arguments.required("LAST")) from \(name)")
        }
    )

    /// The range the arguments describe.
    /// - Throws: ``ShellError`` for an end that is not a number of the format, ends in the wrong
    ///   order, or a length given to a MAC format.
    static func range(_ context: CommandContext) throws(ShellError) -> SerialNumberRange {
        let format = context.arguments.required("FORMAT")
        let first = try number(context, "FIRST", format: format)
        let last = try number(context, "LAST", format: format)
        guard first <= last else {
            throw ShellError(
                .invalidValue(
                    command: context.spec.name, argument: "LAST", value: context.arguments.required("LAST"), expected: "a number not below FIRST"))
        }
        let length = context.arguments.integer("length")
        if let length {
            guard !format.hasPrefix("mac") else {
                throw ShellError(
                    .invalidValue(command: context.spec.name, argument: "--length", value: String(length), expected: "no length with a MAC format"))
            }
            guard (1...64).contains(length) else {
                throw ShellError(.invalidValue(command: context.spec.name, argument: "--length", value: String(length), expected: "1 to 64"))
            }
        }
        let uppercase = (context.arguments.option("casing") ?? "upper") == "upper"
        return SerialNumberRange(format: format, length: length, uppercase: uppercase, first: first, last: last)
    }

    /// One end of a range: decimal digits for base10, hex digits (an optional `0x`) for base16, and
    /// for the MAC formats a MAC address with `:`, `-` or `.` between its groups or bare hex digits.
    private static func number(_ context: CommandContext, _ argument: String, format: String) throws(ShellError) -> Int {
        let text = context.arguments.required(argument)
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
