/// `application/x-www-form-urlencoded` writing for request bodies and query strings.
enum FormEncoding {
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// Escapes everything but unreserved characters; `[]` in names stays readable.
    static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "["), UInt8(ascii: "]"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                result += "%"
                result.unicodeScalars.append(digits[Int(byte >> 4)])
                result.unicodeScalars.append(digits[Int(byte & 0x0f)])
            }
        }
        return result
    }

    /// A path segment: like a field but `[` and `]` escaped too.
    static func segment(_ text: String) -> String {
        escape(text).replacingBrackets()
    }
}

extension String {
    fileprivate func replacingBrackets() -> String {
        var result = ""
        for character in self {
            switch character {
            case "[": result += "%5B"
            case "]": result += "%5D"
            default: result.append(character)
            }
        }
        return result
    }
}
