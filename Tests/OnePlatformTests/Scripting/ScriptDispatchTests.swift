import OnePJSON
import OnePlatform
import Testing

/// The `dispatch` table: messages are recorded in the script's log and counted, never sent.
@Suite("Script dispatch table", .timeLimit(.minutes(1)))
struct ScriptDispatchTests {
    @Test func eachMethodIsRecordedAndAnswersAsDocumented() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.script(
            """
            local function show(...) local ok, reason = ... debug(tostring(ok) .. ' ' .. tostring(reason)) end
            show(dispatch.email('ops@example.com', 'Alert', 'too hot'))
            show(dispatch.email('ops@example.com', 'Alert', '<b>hot</b>', 'text/html; charset=UTF-8'))
            show(dispatch.headline('ops@example.com', 'Alert', 'too hot'))
            show(dispatch.sms('+15551234567', 'too hot'))
            show(dispatch.tweet({oauth_consumer_key = 'k', oauth_consumer_secret = 's', oauth_token = 't', oauth_token_secret = 'ts'}, 'hot'))
            show(dispatch.http('http://example.com/hook', 'post', '{"t":31}', 'application/json', {['X-Key'] = '1'}, 5000))
            """)
        let log = try await platform.log(script)
        #expect(
            log == [
                "dispatch email to ops@example.com: Alert: too hot", "line 1: true nil",
                "dispatch email to ops@example.com: Alert: <b>hot</b>", "line 1: true nil",
                "dispatch headline to ops@example.com: Alert: too hot", "line 1: true nil",
                "dispatch sms to +15551234567: too hot", "line 1: true nil",
                "dispatch tweet to twitter: hot", "line 1: true nil",
                "dispatch http post to http://example.com/hook: {\"t\":31} (not sent: the embedded platform makes no network requests)",
                "line 1: false undelivered",
            ], "\(log)")
        let counts = try await platform.ok("info", [["alias": ""], ["counts": true]])["counts"]
        #expect(counts?["email"] == 2)
        #expect(counts?["xmpp"] == 1)
        #expect(counts?["sms"] == 1)
        #expect(counts?["http"] == 0)
    }

    @Test func badArgumentsAnswerBadargAndRecordNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.script(
            """
            local function show(...) local ok, reason = ... debug(tostring(ok) .. ' ' .. tostring(reason)) end
            show(dispatch.email('not an address', 'Alert', 'm'))
            show(dispatch.email('ops@example.com', 'Alert'))
            show(dispatch.sms('call me', 'm'))
            show(dispatch.tweet({oauth_token = 't'}, 'm'))
            show(dispatch.http('ftp://example.com', 'get'))
            show(dispatch.http('http://example.com', 'post', nil, nil))
            show(dispatch.http('http://example.com', 'delete'))
            """)
        #expect(try await platform.log(script).map(TestPlatform.withoutLine) == Array(repeating: "false badarg", count: 7))
    }

    @Test func aUsedUpAllowanceAnswersLimit() async throws {
        let platform = try TestPlatform.inMemory()
        var limits = TestPlatform.inheritedLimits.objectValue ?? [:]
        limits["email"] = 1
        let device = try await platform.client(["limits": .object(limits)])
        let said = try await platform.said(
            """
            debug(tostring(dispatch.email('a@example.com', 's', 'first')))
            debug(tostring(select(2, dispatch.email('a@example.com', 's', 'second'))))
            """, auth: device.auth)
        #expect(
            said == [
                "dispatch email to a@example.com: s: first", "true",
                "dispatch email to a@example.com: s: second (undelivered) (the email allowance is used up)", "limit",
            ])
    }

    @Test func dispatchOnAClientAliasCountsForThatClient() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["name": "device"])
        try await platform.ok("map", ["alias", .string(device.rid), "device"])
        _ = try await platform.said("alias['device'].dispatch.sms('+15550000000', 'from the device')")
        #expect(try await platform.ok("info", [.string(device.rid), ["counts": true]])["counts"]?["sms"] == 1)
        #expect(try await platform.ok("info", [["alias": ""], ["counts": true]])["counts"]?["sms"] == 0)
    }
}
