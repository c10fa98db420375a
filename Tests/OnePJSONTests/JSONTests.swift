import OnePJSON
import Testing

@Suite struct JSONParsingTests {
    @Test func integersAndFloatsStayApart() throws {
        #expect(try JSON(parsing: "1") == .int(1))
        #expect(try JSON(parsing: "1.0") == .double(1.0))
        #expect(try JSON(parsing: "-0.12") == .double(-0.12))
        #expect(try JSON(parsing: "1e3") == .double(1000))
        #expect(try JSON(parsing: "-42") == .int(-42))
    }

    @Test func roundTripsExactly() throws {
        let texts = [
            #"{"id":56,"result":[[1376957195,72.2],[1376957184,72.0]],"status":"ok"}"#,
            #"[1,1.0,-0.5,"a\"b\\c\n",true,false,null,{}]"#,
            #"{"z":1,"a":2,"m":{"k":[]}}"#,
            #"["°F","日本語","😀"]"#,
        ]
        for text in texts {
            #expect(try JSON(parsing: text).serialized() == text)
        }
    }

    @Test func floatsAlwaysCarryAFraction() {
        #expect(JSON.double(1).serialized() == "1.0")
        #expect(JSON.double(28.8).serialized() == "28.8")
        #expect(JSON.double(.nan).serialized() == "null")
    }

    @Test func integersAreExactToTheEdgesOfSixtyFourBits() throws {
        #expect(try JSON(parsing: "9223372036854775807") == .int(Int.max))
        #expect(try JSON(parsing: "-9223372036854775808") == .int(Int.min))
        #expect(try JSON(parsing: "9007199254740993") == .int(9_007_199_254_740_993))
    }

    /// Integers of up to 18 digits are read from their digits, longer ones through their text:
    /// either way the same value.
    @Test func integersReadTheSameOnEitherSideOfEighteenDigits() throws {
        #expect(try JSON(parsing: "999999999999999999") == .int(999_999_999_999_999_999))
        #expect(try JSON(parsing: "-999999999999999999") == .int(-999_999_999_999_999_999))
        #expect(try JSON(parsing: "1000000000000000000") == .int(1_000_000_000_000_000_000))
        #expect(try JSON(parsing: "-1000000000000000000") == .int(-1_000_000_000_000_000_000))
        #expect(try JSON(parsing: "[0,-0,7,-42,1700000000]") == [0, 0, 7, -42, 1_700_000_000])
        #expect(throws: JSONParseError.self) { try JSON(parsing: "-") }
        #expect(throws: JSONParseError.self) { try JSON(parsing: "01") }
    }

    /// An integer beyond 64 bits is kept as its text, never rounded through a double (which would
    /// turn `-9223372036854775809` into `Int.min`).
    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "-99999999999999999999"])
    func integerBeyondSixtyFourBitsIsOutOfRange(_ text: String) throws {
        let value = try JSON(parsing: text)
        #expect(value == .bigNumber(text))
        #expect(value.intValue == nil)
        #expect(value.doubleValue == nil)
        #expect(value.isNumber)
        #expect(value.serialized() == text)
    }

    @Test(arguments: ["1e400", "-1e400", "1.5E+309", "-2e308"])
    func floatPastTheLargestDoubleIsOutOfRange(_ text: String) throws {
        let value = try JSON(parsing: text)
        #expect(value == .bigNumber(text))
        #expect(value.doubleValue == nil)
        #expect(value.serialized() == text)
    }

    @Test func outOfRangeNumbersRoundTripInPlaceAndOrder() throws {
        let text = #"{"z":1,"a":1.0,"big":-9223372036854775809,"huge":[1e400,-1e400],"m":2.5e-300}"#
        let value = try JSON(parsing: text)
        #expect(value.serialized() == text)
        #expect(value.objectValue?.keys == ["z", "a", "big", "huge", "m"])
        #expect(value["z"] == .int(1))
        #expect(value["a"] == .double(1.0))
    }

    @Test func aBigNumberThatIsNotANumberIsWrittenAsNull() {
        #expect(JSON.bigNumber("12x").serialized() == "null")
        #expect(JSON.bigNumber("").serialized() == "null")
        #expect(JSON.array([.bigNumber("-1e999"), .bigNumber("1e")]).serialized() == "[-1e999,null]")
    }

    @Test func escapesAndSurrogates() throws {
        #expect(try JSON(parsing: #""\u00e9\ud83d\ude00\t""#) == .string("é😀\t"))
        #expect(JSON.string("\u{01}").serialized() == #""\u0001""#)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"abc", "[1] x", "\"\\x\"", "\"\\ud800\""])
    func rejectsInvalidText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSON(parsing: text) }
    }

    @Test func errorNamesTheOffset() {
        do {
            _ = try JSON(parsing: "[1, x]")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 4)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSON(parsing: text) }
    }

    @Test func parsesBytes() throws {
        let bytes = Array(#"{"a":[1,2.5]}"#.utf8)
        #expect(try JSON(parsing: bytes) == ["a": [1, 2.5]])
    }
}

@Suite struct JSONObjectTests {
    @Test func keepsInsertionOrderAndReplaces() {
        var object = JSONObject()
        object["b"] = 1
        object["a"] = 2
        object["b"] = 3
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 3)
        object["b"] = nil
        #expect(object.keys == ["a"])
    }

    @Test func largeObjectsLookUpThroughAnIndex() {
        var object = JSONObject()
        for number in 0..<1000 { object["k\(number)"] = .int(number) }
        #expect(object["k999"] == 999)
        object["k500"] = nil
        #expect(object["k500"] == nil)
        #expect(object["k501"] == 501)
        #expect(object.count == 999)
    }

    @Test func equalityIgnoresOrder() {
        let first: JSON = ["a": 1, "b": 2]
        let second: JSON = ["b": 2, "a": 1]
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
    }

    @Test func prettyPrinting() {
        let value: JSON = ["a": [1, 2], "b": [:]]
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}")
    }
}
