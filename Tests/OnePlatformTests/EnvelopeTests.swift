import OnePJSON
import OnePlatform
import Testing

@Suite("Request envelope")
struct EnvelopeTests {
    @Test func bodyThatIsNotJSONAnswersMinusOne() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try JSON(parsing: await platform.send("{not json"))
        #expect(answer["error"]?["code"] == -1)
    }

    @Test func bodyThatIsNotAnObjectIsMalformed() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try JSON(parsing: await platform.send("[1,2]"))
        #expect(answer["error"]?["code"] == 400)
    }

    @Test(arguments: [
        (#"{"calls":[]}"#, "auth"),
        (#"{"auth":"abc","calls":[]}"#, "auth"),
        (#"{"auth":{},"calls":[]}"#, "auth"),
        (#"{"auth":{"cik":5},"calls":[]}"#, "auth"),
        (#"{"auth":{"cik":"a","client_id":"b","resource_id":"c"},"calls":[]}"#, "auth"),
        (#"{"auth":{"cik":"a"}}"#, "calls"),
        (#"{"auth":{"cik":"a"},"calls":{}}"#, "calls"),
        (#"{"auth":{"cik":"a"},"calls":[5]}"#, "calls"),
        (#"{"auth":{"cik":"a"},"calls":[{"id":1,"arguments":[]}]}"#, "procedure"),
        (#"{"auth":{"cik":"a"},"calls":[{"id":{},"procedure":"read","arguments":[]}]}"#, "calls"),
        (#"{"auth":{"cik":"a"},"calls":[{"id":"12345678901234567890123456789012345678901","procedure":"read","arguments":[]}]}"#, "calls"),
    ])
    func malformedRequestsAnswer400WithContext(body: String, context: String) async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try JSON(parsing: await platform.send(body))
        #expect(answer["error"]?["code"] == 400)
        #expect(answer["error"]?["context"] == .string(context))
        #expect(answer["error"]?["message"]?.stringValue?.isEmpty == false)
    }

    @Test func unknownCIKAnswers401() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try await platform.send(["auth": ["cik": .string(String(repeating: "a", count: 40))], "calls": []])
        #expect(answer?["error"]?["code"] == 401)
        #expect(answer?["error"]?["context"] == "auth")
    }

    @Test func tokenAuthAnswers401UntilGrantExists() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try await platform.send(["auth": ["token": "abc"], "calls": [["id": 1, "procedure": "read", "arguments": []]]])
        #expect(answer?["error"]?["code"] == 401)
    }

    @Test func requestWithoutIDsAnswersEmptyBodyButRunsTheCalls() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "counter")
        let body = try await platform.send([
            "auth": platform.auth, "calls": [["procedure": "write", "arguments": [["alias": "counter"], 7]]],
        ])
        #expect(body == nil)
        #expect(try await platform.ok("read", [["alias": "counter"], [:]]) == [[.int(Int(TestPlatform.start)), 7]])
    }

    @Test func emptyCallListAnswersEmptyBody() async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.send(["auth": platform.auth, "calls": []]) == nil)
    }

    @Test func callsWithoutIDGetNoEntryWhileOthersDo() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try await platform.send([
            "auth": platform.auth,
            "calls": [
                ["procedure": "lookup", "arguments": ["alias", ""]],
                ["id": "second", "procedure": "lookup", "arguments": ["alias", ""]],
                ["id": 3.5, "procedure": "lookup", "arguments": ["alias", ""]],
            ],
        ])
        let rid = JSON.string(platform.platform.bootstrap.rootRID)
        #expect(answer == [["id": "second", "status": "ok", "result": rid], ["id": 3.5, "status": "ok", "result": rid]])
    }

    @Test func unknownProcedureFailsOnlyThatCall() async throws {
        let platform = try TestPlatform.inMemory()
        let answers = try await platform.calls([("frobnicate", []), ("lookup", ["alias", ""])])
        #expect(answers[0]["status"] == "fail")
        #expect(answers[0]["error"]?["code"] == 501)
        #expect(answers[0]["error"]?["context"] == "procedure")
        #expect(answers[1]["status"] == "ok")
    }

    @Test func argumentsThatAreNotAListFailTheCall() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try await platform.send([
            "auth": platform.auth, "calls": [["id": 1, "procedure": "read", "arguments": "nope"], ["id": 2, "procedure": "read"]],
        ])
        for entry in try #require(answer?.arrayValue) {
            #expect(entry["status"] == "fail")
            #expect(entry["error"]?["code"] == 501)
            #expect(entry["error"]?["context"] == "arguments")
        }
    }

    @Test func argumentsOfTheWrongShapeFailWith501Arguments() async throws {
        let platform = try TestPlatform.inMemory()
        for (procedure, arguments) in [("read", [] as [JSON]), ("read", [5]), ("write", [["alias": 5], 1]), ("info", ["x", "y", "z"])] {
            let answer = try await platform.call(procedure, arguments)
            #expect(answer["status"] == "fail", "\(procedure) \(arguments)")
            #expect(answer["error"]?["code"] == 501)
            #expect(answer["error"]?["context"] == "arguments")
        }
    }

    @Test func fiveThousandCallsInOneRequest() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "n")
        var calls: [(String, [JSON])] = []
        for index in 0..<5000 {
            calls.append(("record", [["alias": "n"], [[.int(index + 1), .int(index)]], [:]]))
        }
        let answers = try await platform.calls(calls)
        #expect(answers.count == 5000)
        #expect(answers.allSatisfy { $0["status"] == "ok" })
        #expect(answers.last?["id"] == 5000)
        let info = try await platform.ok("info", [["alias": "n"], ["storage": true]])
        #expect(info["storage"]?["count"] == 5000)
    }

    @Test func procedureTableNamesEveryProcedureOnce() throws {
        let platform = try TestPlatform.inMemory()
        let names = platform.platform.procedureNames
        #expect(Set(names).count == names.count)
        for name in [
            "create", "info", "listing", "update", "drop", "map", "unmap", "lookup", "read", "write", "writegroup",
            "record", "recordbatch", "flush", "usage", "share", "activate", "deactivate", "revoke", "move", "wait",
            "grant", "tag", "comment",
        ] {
            #expect(names.contains(name), "\(name)")
        }
    }
}

@Suite("Answer shapes")
struct AnswerShapeTests {
    @Test func callWithoutResultAnswersOnlyIDAndStatus() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "t")
        #expect(try await platform.call("write", [["alias": "t"], 1]) == ["id": 1, "status": "ok"])
    }

    /// The read example of rpc.md, sent byte for byte as documented.
    @Test func documentedReadExample() async throws {
        let platform = try TestPlatform.inMemory(now: 1_376_957_400)
        try await platform.dataport("float", alias: "temperature")
        try await platform.ok("record", [["alias": "temperature"], [[1_376_951_473, 72.5], [1_376_957_184, 72.3], [1_376_957_195, 72.2]], [:]])
        let cik = platform.platform.bootstrap.rootCIK
        let body = """
            {"auth":{"cik":"\(cik)"},"calls":[{"id":56,"procedure":"read","arguments":[{"alias":"temperature"},\
            {"endtime":1376957311,"limit":3,"selection":"all","sort":"desc","starttime":1}]}]}
            """
        let answer = try JSON(parsing: await platform.send(body))
        #expect(answer == [["id": 56, "status": "ok", "result": [[1_376_957_195, 72.2], [1_376_957_184, 72.3], [1_376_951_473, 72.5]]]])
    }

    @Test func callIDsAreEchoedUnchanged() async throws {
        let platform = try TestPlatform.inMemory()
        let forty = String(repeating: "x", count: 40)
        let answer = try await platform.send([
            "auth": platform.auth,
            "calls": [
                ["id": .string(forty), "procedure": "lookup", "arguments": ["alias", ""]],
                ["id": -7, "procedure": "lookup", "arguments": ["alias", ""]],
            ],
        ])
        #expect(answer?[0]?["id"] == .string(forty))
        #expect(answer?[1]?["id"] == -7)
    }
}
