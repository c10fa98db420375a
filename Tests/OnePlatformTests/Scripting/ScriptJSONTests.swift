import OnePJSON
import OnePlatform
import Testing

/// The `json` global table.
@Suite("Script json table", .timeLimit(.minutes(1)))
struct ScriptJSONTests {
    @Test func decodeAndEncodeRoundTrip() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            #"""
            local value = json.decode('{"name":"probe","readings":[1,2.5,-3],"ok":true,"none":null,"nested":{"empty":[],"also":{}}}')
            debug(value.name .. ' ' .. #value.readings .. ' ' .. value.readings[2] .. ' ' .. tostring(value.ok))
            debug(tostring(value.none == json.null) .. ' ' .. json.type(value.none))
            debug(json.encode(value))
            debug(json.encode({b = 1, a = {1, 2, 'three'}, c = false}))
            debug(json.encode('quote " and \\ and ' .. string.char(10)))
            debug(json.encode(12) .. ' ' .. json.encode(0.5) .. ' ' .. json.encode(json.null))
            """#)
        try #require(said.count == 6, "\(said)")
        #expect(said[0] == "probe 3 2.5 true")
        #expect(said[1] == "true null")
        #expect(said[3] == #"{"a":[1,2,"three"],"b":1,"c":false}"#)
        #expect(said[4] == #""quote \" and \\ and \n""#)
        #expect(said[5] == "12 0.5 null")
        // Decoded tables keep whether they were arrays or objects, even when empty.
        let encoded = try JSON(parsing: said[2])
        #expect(
            encoded == [
                "name": "probe", "nested": ["also": [:], "empty": []], "none": nil, "ok": true, "readings": [1, 2.5, -3],
            ])
    }

    @Test func arrayAndObjectMarkTablesAndTypeNamesThem() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            debug(json.encode(json.array({})) .. ' ' .. json.encode({}) .. ' ' .. json.encode(json.object({})))
            debug(json.type(json.array({})) .. ' ' .. json.type({1, 2}) .. ' ' .. json.type({a = 1}) .. ' ' .. json.type('s'))
            debug(json.type(1) .. ' ' .. json.type(true) .. ' ' .. tostring(json.type(print)) .. ' ' .. tostring(json.type({1, a = 2})))
            local t, problem = json.array({a = 1})
            debug(tostring(t) .. ' ' .. problem)
            t, problem = json.object({1, 2})
            debug(tostring(t) .. ' ' .. problem)
            """)
        #expect(
            said == [
                "[] {} {}", "array array object string", "number boolean nil nil", "nil the table has keys other than 1..n",
                "nil the table has keys that are not strings",
            ])
    }

    @Test func whatCannotBeEncodedOrDecodedAnswersNilAndAReason() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            local function show(...) local value, reason = ... debug(tostring(value) .. ' | ' .. tostring(reason)) end
            show(json.decode('{"a": }'))
            show(json.decode('[1, 2'))
            show(json.encode(json.encode))
            show(json.encode({1, 2, nil, 4}))
            show(json.encode({[1] = 'a', name = 'b'}))
            show(json.encode(math.huge))
            local cycle = {} cycle.self = cycle
            show(json.encode(cycle))
            """)
        try #require(said.count == 7, "\(said)")
        #expect(said[0].hasPrefix("nil | invalid JSON at byte 6"))
        #expect(said[1].hasPrefix("nil | invalid JSON at byte"))
        #expect(said[2] == "nil | cannot encode a function as JSON")
        #expect(said[3] == "nil | cannot encode a table whose keys are not all strings as a JSON object")
        #expect(said[4] == "nil | cannot encode a table whose keys are not all strings as a JSON object")
        #expect(said[5] == "nil | cannot encode inf as JSON")
        #expect(said[6] == "nil | cannot encode tables nested more than 200 deep (or a cycle)")
    }
}

@Suite("Script json and numbers out of range", .timeLimit(.minutes(1)))
struct ScriptJSONRangeTests {
    /// A number out of a double's range decodes to what Lua itself reads from its text, and
    /// encoding an infinity is refused.
    @Test func numbersOutOfRangeDecodeAsLuaReadsThem() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            #"""
            local value = json.decode('[9223372036854775808, -1e400, 12345678901234567890123]')
            debug(tostring(value[1] == 2^63) .. ' ' .. tostring(value[2] == -math.huge) .. ' ' .. tostring(value[3] > 1e22))
            local encoded, reason = json.encode(value)
            debug(tostring(encoded) .. ' | ' .. tostring(reason ~= nil))
            """#)
        #expect(said == ["true true true", "nil | true"])
    }
}

@Suite("Script text with U+0000", .timeLimit(.minutes(1)))
struct ScriptNULTests {
    /// A script's log is text for people: U+0000 in a debug line is written `\0` rather than the
    /// line being cut there; a write of such text is refused like any other call's.
    @Test func debugLinesKeepWhatFollowsNULAndWritesAreRefused() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("string", alias: "out")
        let said = try await platform.said(
            #"""
            debug('before' .. string.char(0) .. 'after')
            local out = alias['out']
            out.value = 'a' .. string.char(0) .. 'b'
            debug(out.status .. ' ' .. tostring(out.value))
            """#)
        #expect(said.first == #"before\0after"#)
        #expect(said.last == "invalid nil")
        #expect(try await platform.points(["alias": "out"]) == [])
    }
}
