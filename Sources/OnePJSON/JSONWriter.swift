extension JSON {
    /// The JSON text of the value: compact by default, or indented by two spaces per level.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: utf8Bytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 bytes of the value's JSON text.
    public func utf8Bytes(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, indent: 0)
        return writer.output
    }

    /// Appends the value's compact JSON text to `output`, which a long answer is written into once.
    public func write(into output: inout [UInt8]) {
        write(into: &output, pretty: false, indent: 0)
    }

    /// Appends the value's JSON text to `output`; pretty text is indented as if the value lay
    /// `indent` levels deep, so a document can be written piece by piece as `serialized(pretty:)`
    /// would write it whole.
    public func write(into output: inout [UInt8], pretty: Bool, indent: Int) {
        var writer = JSONWriter(pretty: pretty, capacity: 0)
        swap(&writer.output, &output)
        writer.write(self, indent: indent)
        swap(&writer.output, &output)
    }
}

/// Writes JSON text. Floats always carry a fraction or an exponent (`1.0`, never `1`), so a
/// float read back is a float again; NaN and infinities, which JSON cannot carry, become null, as
/// does a ``JSON/bigNumber(_:)`` whose text is not a JSON number.
struct JSONWriter {
    var output: [UInt8] = []
    let pretty: Bool

    init(pretty: Bool, capacity: Int = 256) {
        self.pretty = pretty
        output.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSON, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let integer): writeInteger(integer)
        case .double(let double): append(Self.format(double))
        case .bigNumber(let text): append(JSONNumberSyntax.isNumber(text) ? text : "null")
        case .string(let string): writeString(string)
        case .array(let values): writeArray(values, indent: indent)
        case .object(let object): writeObject(object, indent: indent)
        }
    }

    static func format(_ double: Double) -> String {
        guard double.isFinite else { return "null" }
        let text = String(double)
        if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return text }
        return text + ".0"
    }

    private mutating func writeArray(_ values: [JSON], indent: Int) {
        output.append(UInt8(ascii: "["))
        guard !values.isEmpty else {
            output.append(UInt8(ascii: "]"))
            return
        }
        for (offset, element) in values.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            write(element, indent: indent + 1)
        }
        newline(indent)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int) {
        output.append(UInt8(ascii: "{"))
        guard !object.isEmpty else {
            output.append(UInt8(ascii: "}"))
            return
        }
        for (offset, entry) in object.entries.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            writeString(entry.key)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            write(entry.value, indent: indent + 1)
        }
        newline(indent)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func writeInteger(_ integer: Int) {
        JSON.appendDigits(of: integer, to: &output)
    }

    private mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        // Most text needs no escape: copy it whole.
        let plain = string.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                append("\\u00")
                let hex = Array("0123456789abcdef".utf8)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }
}

extension JSON {
    /// Appends the decimal digits of `integer` to `output` as `String(integer)` spells them,
    /// without making a string of them.
    @inlinable
    public static func appendDigits(of integer: Int, to output: inout [UInt8]) {
        if integer < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = integer.magnitude
        // Room for the 20 digits of the largest magnitude.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: buffer[start...])
        }
    }
}
