extension JSON {
    /// One member of the object a document holds, found by ``outline(of:maximumNesting:)``.
    public struct Member: Sendable, Equatable {
        public let key: String
        /// Where the member's value lies, in byte offsets from the start of the document.
        public let range: Range<Int>
        /// How many elements the value holds when it is an array; nil for any other value.
        public let count: Int?

        public init(key: String, range: Range<Int>, count: Int?) {
            self.key = key
            self.range = range
            self.count = count
        }
    }

    /// The members of the object a document holds, in order and duplicates included, found
    /// without building their values.
    ///
    /// The whole document is checked exactly as ``init(parsing:maximumNesting:)`` checks it, with
    /// the same errors, but nothing is built except the keys of the outer object. So the shape of
    /// a large document (how many entries a list holds) can be learned at the cost of one pass over
    /// its bytes, before deciding to build it.
    /// - Returns: nil when the document holds something other than an object.
    /// - Throws: the ``JSONParseError`` parsing would throw.
    public static func outline<Bytes: Collection<UInt8>>(
        of bytes: Bytes, maximumNesting: Int = JSON.maximumNesting
    ) throws(JSONParseError) -> [Member]? {
        try JSONParser.run(bytes, maximumNesting: maximumNesting) { parser throws(JSONParseError) in try parser.outlineDocument() }
    }
}

extension JSONParser {
    /// The members of the document's outer object, or nil when it holds another value; the rest
    /// of the document is skipped over, checked as ``parseDocument()`` checks it.
    mutating func outlineDocument() throws(JSONParseError) -> [JSON.Member]? {
        skipWhitespace()
        var members: [JSON.Member]?
        if peek() == UInt8(ascii: "{") {
            members = try outlineObject()
        } else {
            _ = try skipValue()
        }
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the value") }
        return members
    }

    private mutating func outlineObject() throws(JSONParseError) -> [JSON.Member] {
        var members: [JSON.Member] = []
        try walkObject { parser, key throws(JSONParseError) in
            let start = parser.position
            let count = try parser.skipValue()
            members.append(JSON.Member(key: key, range: start..<parser.position, count: count))
        }
        return members
    }

    // MARK: Skipping values

    /// Moves past one value, checking it as ``parseDocument()`` would; answers how many elements it
    /// holds when it is an array.
    private mutating func skipValue() throws(JSONParseError) -> Int? {
        guard position < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try walkObject { parser, _ throws(JSONParseError) in _ = try parser.skipValue() }
        case UInt8(ascii: "["): return try skipArray()
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try expectWord("true")
        case UInt8(ascii: "f"): try expectWord("false")
        case UInt8(ascii: "n"): try expectWord("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        default: throw failure("unexpected character")
        }
        return nil
    }

    private mutating func skipArray() throws(JSONParseError) -> Int {
        var count = 0
        try walkArray { parser throws(JSONParseError) in
            _ = try parser.skipValue()
            count += 1
        }
        return count
    }

    /// Moves past a string, checking its escapes and its UTF-8 as ``parseString()`` does. Escapes
    /// stand for whole characters, so the text between the quotes is valid UTF-8 exactly when
    /// the string it stands for is.
    private mutating func skipString() throws(JSONParseError) {
        position += 1
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                if !ascii { _ = try decodeUTF8(UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), at: start) }
                return
            case UInt8(ascii: "\\"):
                _ = try readEscape()
            case 0..<0x20:
                position -= 1
                throw failure("control character in a string")
            case 0x80...:
                ascii = false
            default:
                break
            }
        }
        throw failure("unterminated string")
    }
}
