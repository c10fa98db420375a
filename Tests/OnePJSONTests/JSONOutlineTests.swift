import OnePJSON
import Testing

/// `JSON.outline(of:)` learns the members of a document's object without building their values,
/// and accepts and refuses exactly what parsing accepts and refuses.
@Suite struct JSONOutlineTests {
    @Test func findsEachMemberItsPlaceAndTheLengthOfAList() throws {
        let text = #"{ "auth" : {"cik":"a\"b"}, "calls":[1,{"x":[2,3]},"é"], "n":-1.5e3, "calls":[] }"#
        let bytes = Array(text.utf8)
        let members = try #require(try JSON.outline(of: bytes))
        #expect(members.map(\.key) == ["auth", "calls", "n", "calls"])
        #expect(members.map(\.count) == [nil, 3, nil, 0])
        let whole = try JSON(parsing: text)
        // Each range holds the value as parsing builds it; a later duplicate is the one parsing keeps.
        for member in members.reversed() where member != members[1] {
            #expect(try JSON(parsing: bytes[member.range]) == whole.objectValue?[member.key])
        }
        #expect(try JSON(parsing: bytes[members[1].range]) == [1, ["x": [2, 3]], "é"])
    }

    @Test(arguments: ["[1,2]", "\"text\"", "12", "null", " true "])
    func aDocumentThatIsNotAnObjectHasNoOutline(_ text: String) throws {
        #expect(try JSON.outline(of: Array(text.utf8)) == nil)
    }

    @Test func anEmptyObjectHasNoMembers() throws {
        #expect(try JSON.outline(of: Array(" {} ".utf8)) == [])
    }

    /// Every way a document can be wrong is refused with the error parsing gives, at the same byte.
    @Test(arguments: [
        #"{"a":[1,2}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":1e}"#, #"{"a":-}"#, #"{"a":tru}"#, #"{"a":nul"#,
        #"{"a":"\x"}"#, #"{"a":"\u12G4"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":"\ud800\u0041"}"#,
        "{\"a\":\"tab\there\"}", #"{"a":"open}"#, #"{"a":1} x"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":1,}"#, "", "  ",
        #"{"a":[[[[[[[[[[1]]]]]]]]]]}"#,
    ])
    func aBadDocumentIsRefusedAsParsingRefusesIt(_ text: String) {
        expectSameVerdict(Array(text.utf8), maximumNesting: 8)
    }

    @Test func invalidUTF8IsRefusedAsParsingRefusesIt() {
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE6, 0x97], [0xED, 0xA0, 0x80], [0x61, 0xC3, 0x5C, 0x6E]] {
            expectSameVerdict(Array(#"{"a":"x"#.utf8) + bad + Array(#"y","b":[1]}"#.utf8), maximumNesting: 64)
        }
    }

    /// Every prefix of a document, and the document with any one byte changed, gets the same
    /// verdict from both: the outline's checks are parsing's checks.
    @Test func everyCutAndEveryChangedByteGetsTheVerdictParsingGives() {
        let document = Array(
            #"{"auth":{"cik":"ab\"c\u00e9\ud83d\ude00"},"calls":[{"id":1,"procedure":"read","arguments":[true,null,-0.5e-2,"日本"]}]}"#.utf8)
        for end in 0...document.count {
            expectSameVerdict(Array(document[..<end]), maximumNesting: 64)
        }
        for offset in document.indices {
            for byte: UInt8 in [0x00, 0x22, 0x2C, 0x5C, 0x5D, 0x7D, 0x31, 0x80, 0xC3] {
                var changed = document
                changed[offset] = byte
                expectSameVerdict(changed, maximumNesting: 4)
            }
        }
    }

    private func expectSameVerdict(_ bytes: [UInt8], maximumNesting: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let parsed = Result { () throws(JSONParseError) in try JSON(parsing: bytes, maximumNesting: maximumNesting) }
        let outlined = Result { () throws(JSONParseError) in try JSON.outline(of: bytes, maximumNesting: maximumNesting) }
        switch (parsed, outlined) {
        case (.success(let value), .success(let members)):
            // An object keeps a key where it first came; a later duplicate replaces its value.
            var keys: [String] = []
            for member in members ?? [] where !keys.contains(member.key) { keys.append(member.key) }
            #expect((members == nil ? nil : keys) == value.objectValue?.keys, sourceLocation: sourceLocation)
        case (.failure(let parseError), .failure(let outlineError)):
            #expect(outlineError == parseError, sourceLocation: sourceLocation)
        default:
            Issue.record("parsing gave \(parsed), the outline \(outlined)", sourceLocation: sourceLocation)
        }
    }
}
