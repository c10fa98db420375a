import OnePJSON

/// The values a fuzz run draws on: what mutations put in place of numbers, text and structure.
///
/// They are the inputs that broke the platform before: text holding U+0000, non-finite and
/// out-of-range numbers, the edges of 64 and 32 bits, escapes, paths with `..` and `%`.
enum FuzzCorpus {
    static let limitKeys = [
        "client", "dataport", "datarule", "disk", "dispatch", "email", "email_bucket", "http", "http_bucket", "share", "sms",
        "sms_bucket", "xmpp", "xmpp_bucket",
    ]

    /// Number literals as they are written on the wire.
    static let numberTexts = [
        "0", "-0", "1", "-1", "2", "10", "1.5", "-2.5", "0.0", "1e3", "1E-3", "1e-400", "1e400", "-1e400", "1.8e308",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "123456789012345678901234567890", "9007199254740993", "2147483647", "2147483648", "-2147483649", "4294967296",
        "1400000000", "1400000000.5", "-1400000000", "86400", "3600", "5e-324", "1.7976931348623157e308", "-9.223372036854775808e18",
    ]

    static var numbers: [JSON] {
        numberTexts.compactMap { try? JSON(parsing: $0) }
    }

    static let strings: [String] = [
        "", " ", "a", "a\u{0}b", "\u{0}", "foo\u{0}bar", "wait", "w\u{61}it", "..", ".", "%", "%00", "%zz", "%2F", "/", "a/b",
        "\u{FFFD}", "😀", "日本語", "\"", "\\", "\n", "\r\n", "\t", "alias", "inherit", "infinity", "asc", "desc", "all", "givenwindow",
        "autowindow", "integer", "float", "string", "client", "dataport", "datarule", "dispatch", "clone", "share", "ok", "ti", "tf", "ts",
        "1e400", "-9223372036854775809", "NaN", "inf", "0x10", "0000000000000000000000000000000000000000", String(repeating: "x", count: 300),
        "ffffffffffffffffffffffffffffffffffffffff", "email", "http_post", "sms", "xmpp", "read", "write", "create", "drop",
    ]

    static var structures: [JSON] {
        [
            .null, true, false, [], [:], ["alias": ""], ["alias": "ti"], ["alias": "\u{0}"], [[1, 2]], [1, "x", nil], ["a": ["b": ["c": []]]],
            nested(depth: 40), ["ttl": .bigNumber("1e400")], ["limit": .bigNumber("9223372036854775808")],
        ]
    }

    static func nested(depth: Int) -> JSON {
        (0..<depth).reduce(JSON.int(1)) { inner, _ in .array([inner]) }
    }

    /// Any value at all, for a mutation that replaces one.
    static func anyValue(_ rng: inout SplitMix64) -> JSON {
        switch rng.below(3) {
        case 0: return rng.pick(numbers)
        case 1: return .string(rng.pick(strings))
        default: return rng.pick(structures)
        }
    }
}
