import OnePJSON
import OnePlatform
import Testing

/// The `alias` table and alias objects.
@Suite("Script alias table", .timeLimit(.minutes(1)))
struct ScriptAliasTests {
    @Test func aliasesNameTheClientItsResourcesAndResourcesByRID() async throws {
        let platform = try TestPlatform.inMemory()
        let temperature = try await platform.dataport("float", alias: "temperature", extra: ["name": "Room", "meta": "{\"unit\":\"C\"}"])
        let said = try await platform.said(
            """
            debug(alias[''].name)
            local t = alias['temperature']
            debug(t.name .. ' ' .. t.meta)
            debug(tostring(alias[{rid = '\(temperature)'}] == t))
            debug(tostring(alias['missing']))
            debug(tostring(alias[''].value) .. ' ' .. alias[''].status)
            """)
        let root = try await platform.ok("info", [["alias": ""], ["description": true]])["description"]?["name"]?.stringValue
        #expect(said == [root ?? "", "Room {\"unit\":\"C\"}", "true", "nil", "nil invalid"])
    }

    @Test func valueAndTimestampReadTheNewestPointAndWritingValueWritesNow() async throws {
        let platform = try TestPlatform.inMemory()
        let data = try await platform.dataport("integer", alias: "data")
        let empty = try await platform.said("local d = alias['data'] debug(tostring(d.value) .. ' ' .. tostring(d.timestamp) .. ' ' .. d.status)")
        #expect(empty == ["nil nil ok"])
        try await platform.ok("record", [.string(data), [[100, 1], [200, 2]]])
        let said = try await platform.said(
            """
            local d = alias['data']
            debug(d.value .. ' ' .. d.timestamp)
            d.value = 7
            debug(d.value .. ' ' .. tostring(d.timestamp == now) .. ' ' .. d.status)
            d.value = 'not a number'
            debug(d.status .. ' ' .. d.value)
            d.value = true
            debug(tostring(d.value))
            """)
        #expect(said == ["2 200", "7 true ok", "invalid 7", "1"])
    }

    @Test func timestampIndexesReadRecordAndDeleteHistory() async throws {
        let platform = try TestPlatform.inMemory()
        let data = try await platform.dataport("string", alias: "data")
        try await platform.ok("record", [.string(data), [[100, "a"], [200, "b"]]])
        let said = try await platform.said(
            """
            local d = alias['data']
            debug(d[100] .. ' ' .. tostring(d[150]) .. ' ' .. d.status)
            d[150] = 'between'
            d[100] = nil
            debug(tostring(d[100]) .. ' ' .. d[150])
            """)
        #expect(said == ["a nil ok", "nil between"])
        #expect(try await platform.points(.string(data)).map { $0[0] ?? .null } == [150, 200])
    }

    @Test func lastStartsAtTheNewestPointAndWaitWalksThroughHistory() async throws {
        let platform = try TestPlatform.inMemory()
        let data = try await platform.dataport("integer", alias: "data")
        try await platform.ok("record", [.string(data), [[100, 1], [200, 2], [300, 3]]])
        let said = try await platform.said(
            """
            local d = alias['data']
            debug(tostring(d.last))
            d.last = 0
            while d.last < 300 do
              local t = d.wait()
              debug(t .. '=' .. d[t] .. ' ' .. d.status .. ' last ' .. d.last)
            end
            """)
        #expect(said == ["300", "100=1 ok last 100", "200=2 ok last 200", "300=3 ok last 300"])
    }

    @Test func waitSuspendsUntilAPointArrivesAndExpiresAtItsDeadline() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "data")
        let start = platform.now
        let script = try await platform.script(
            """
            local d = alias['data']
            local t = d:wait()
            debug('got ' .. (t - \(start)) .. ' ' .. d.value .. ' ' .. d.status)
            t = d.wait(now + 60)
            debug(tostring(t) .. ' ' .. d.status .. ' ' .. (d.last - \(start)))
            t = d.wait(now - 1)
            debug(tostring(t) .. ' ' .. d.status)
            """)
        #expect(try await platform.log(script).isEmpty)
        #expect(try await platform.scriptStatus(script) == "running")
        platform.clock.advance(by: 5)
        try await platform.feed(["alias": "data"], 42)
        #expect(try await platform.log(script).map(TestPlatform.withoutLine) == ["got 5 42 ok"])
        try await platform.advance(by: 59)
        #expect(try await platform.log(script).count == 1)
        try await platform.advance(by: 1)
        #expect(try await platform.log(script).map(TestPlatform.withoutLine) == ["got 5 42 ok", "nil expired 65", "nil expired"])
        #expect(try await platform.scriptStatus(script) == "completed")
    }

    @Test func clientAliasesHaveTheirOwnAliasManageAndDispatchTables() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["name": "device"])
        try await platform.ok("map", ["alias", .string(device.rid), "device"])
        try await platform.dataport("float", alias: "temperature", auth: device.auth)
        try await platform.dataport("float", alias: "temperature")
        let said = try await platform.said(
            """
            local device = alias['device']
            device.alias['temperature'].value = 20.5
            alias['temperature'].value = 1.5
            local ok, rid = device.manage.create('dataport', {format = 'string', name = 'made'})
            debug(tostring(ok) .. ' ' .. type(rid))
            debug(tostring(device.manage.map('alias', rid, 'made')))
            debug(device.alias['made'].name)
            debug(tostring(alias['made']))
            debug(type(device.dispatch.email) .. ' ' .. tostring(alias['temperature'].alias) .. ' ' .. tostring(alias['temperature'].manage))
            """)
        #expect(said == ["true string", "true", "made", "nil", "function nil nil"])
        #expect(try await platform.latest(["alias": "temperature"], auth: device.auth) == 20.5)
        #expect(try await platform.latest(["alias": "temperature"]) == 1.5)
    }

    @Test func timestampsBeyondTwoToTheFiftyThirdAreRefused() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "data")
        let far = try await platform.script("alias['data'].wait(1e300)")
        #expect(try await platform.log(far) == ["error: line 1: a timestamp must be a number of seconds between -2^53 and 2^53"])
        let waiting = try await platform.script("alias['data'].wait(2^53) debug('woke')")
        #expect(try await platform.scriptStatus(waiting) == "running")
        let flushed = try await platform.script("alias['data'][2^53] = nil debug(alias['data'].status)")
        #expect(try await platform.log(flushed) == ["line 1: ok"])
        let dated = try await platform.script("debug(date('%Y', 2^62))")
        #expect(try await platform.log(dated) == ["error: line 1: bad argument #2 to 'date' (time out of range)"])
    }

    @Test func statusSaysWhatTheLastAccessCameTo() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "data")
        let said = try await platform.said(
            """
            local d = alias['data']
            d.value = 'text'
            debug(d.status)
            d.value = 2
            debug(d.status)
            d[10] = 'x'
            debug(d.status)
            """)
        #expect(said == ["invalid", "ok", "invalid"])
    }
}
