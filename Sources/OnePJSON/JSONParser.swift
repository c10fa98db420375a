extension JSON {
    /// Parses one JSON document; surrounding whitespace is allowed, anything else is an error.
    public init(parsing text: String) throws(JSONParseError) {
        var copy = text
        let result = copy.withUTF8 {
            JSONParser.result(over: $0, maximumNesting: JSON.maximumNesting) { parser throws(JSONParseError) in try parser.parseDocument() }
        }
        self = try result.get()
    }

    /// Parses one JSON document from UTF-8 bytes.
    /// - Parameter maximumNesting: how deep arrays and objects may nest; deeper fails with an
    ///   error whose ``JSONParseError/isNestingTooDeep`` is true.
    public init<Bytes: Collection<UInt8>>(parsing bytes: Bytes, maximumNesting: Int = JSON.maximumNesting) throws(JSONParseError) {
        self = try JSONParser.run(bytes, maximumNesting: maximumNesting) { parser throws(JSONParseError) in try parser.parseDocument() }
    }

    /// How deep arrays and objects may nest unless a parse says otherwise.
    public static let maximumNesting = 512
}

extension JSONParser {
    /// Runs `body` with a parser over `buffer`, its error kept as the result's.
    static func result<Value>(
        over buffer: UnsafeBufferPointer<UInt8>, maximumNesting: Int, _ body: (inout JSONParser) throws(JSONParseError) -> Value
    ) -> Result<Value, JSONParseError> {
        var parser = JSONParser(buffer, maximumDepth: maximumNesting)
        do throws(JSONParseError) {
            return .success(try body(&parser))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `body` with a parser over `bytes`, copied into one buffer only when they are not
    /// contiguous already.
    static func run<Bytes: Collection<UInt8>, Value>(
        _ bytes: Bytes, maximumNesting: Int, _ body: (inout JSONParser) throws(JSONParseError) -> Value
    ) throws(JSONParseError) -> Value {
        if let direct = bytes.withContiguousStorageIfAvailable({ result(over: $0, maximumNesting: maximumNesting, body) }) {
            return try direct.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { result(over: $0, maximumNesting: maximumNesting, body) }.get()
    }
}

/// A recursive-descent parser over UTF-8 bytes.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0
    private let maximumDepth: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the value") }
        return value
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONParseError) -> JSON {
        guard position < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSON {
        var object = JSONObject()
        try walkObject { parser, key throws(JSONParseError) in object[key] = try parser.parseValue() }
        return .object(object)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSON {
        var values: [JSON] = []
        try walkArray { parser throws(JSONParseError) in values.append(try parser.parseValue()) }
        return .array(values)
    }

    /// Moves through an object, handing each key to `member`, which must move past its value.
    @inline(__always)
    mutating func walkObject(_ member: (inout JSONParser, String) throws(JSONParseError) -> Void) throws(JSONParseError) {
        try enter()
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':'") }
            position += 1
            skipWhitespace()
            try member(&self, key)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    /// Moves through an array, calling `element` at each element, which must move past it.
    @inline(__always)
    mutating func walkArray(_ element: (inout JSONParser) throws(JSONParseError) -> Void) throws(JSONParseError) {
        try enter()
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= maximumDepth else { throw failure(JSONParseError.nestingReason) }
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSON {
        let start = position
        let isFloat = try scanNumber()
        if !isFloat, let integer = smallInteger(from: start) { return .int(integer) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        // An integer is exact or out of range, never rounded through a double; a float too large
        // for a double is out of range too rather than infinite.
        if !isFloat { return Int(text).map(JSON.int) ?? .bigNumber(text) }
        guard let double = Double(text), double.isFinite else { return .bigNumber(text) }
        return .double(double)
    }

    /// Moves past a number as JSON writes it; answers whether it has a fraction or an exponent.
    mutating func scanNumber() throws(JSONParseError) -> Bool {
        var isFloat = false
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else { throw failure("expected a digit") }
        if first == UInt8(ascii: "0") {
            position += 1
            if let next = peek(), isDigit(next) { throw failure("leading zero in a number") }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            guard let digit = peek(), isDigit(digit) else { throw failure("expected a digit after '.'") }
            skipDigits()
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isFloat = true
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(), isDigit(digit) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        return isFloat
    }

    /// The integer written from `start` to here when it has at most 18 digits, which no 64-bit
    /// integer overflows, read from the digits without making a string; nil for a longer one.
    private func smallInteger(from start: Int) -> Int? {
        let negative = bytes[start] == UInt8(ascii: "-")
        let first = negative ? start + 1 : start
        guard position - first <= 18 else { return nil }
        var value = 0
        for index in first..<position { value = value &* 10 &+ Int(bytes[index] &- UInt8(ascii: "0")) }
        return negative ? -value : value
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: Strings

    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return try decodeUTF8(slice, at: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in a string") }
            position += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try scratch.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                    try decodeUTF8(buffer, at: start)
                }
            case UInt8(ascii: "\\"):
                try appendEscape(to: &scratch)
            case 0..<0x20:
                position -= 1
                throw failure("control character in a string")
            default:
                scratch.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func appendEscape(to scratch: inout [UInt8]) throws(JSONParseError) {
        let scalar = try readEscape()
        if scalar.isASCII {
            scratch.append(UInt8(scalar.value))
        } else {
            scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
    }

    /// Reads one escape, after its backslash: the character it stands for.
    mutating func readEscape() throws(JSONParseError) -> Unicode.Scalar {
        guard let escape = peek() else { throw failure("unterminated escape") }
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(escape)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate")
                }
                position += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid low surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw failure("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid unicode escape") }
            return unicode
        default:
            throw failure("invalid escape")
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short unicode escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    func decodeUTF8(_ slice: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONParseError) -> String {
        // ASCII is UTF-8 as it is; the generic validation is the slow part of most strings.
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw JSONParseError(offset: start, reason: "invalid UTF-8 in a string")
        }
        return string
    }

    // MARK: Helpers

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("unexpected end of input") }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != expected[offset] {
            throw failure("unexpected character")
        }
        position += count
    }

    func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func failure(_ reason: String) -> JSONParseError {
        JSONParseError(offset: position, reason: reason)
    }
}
