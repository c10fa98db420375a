import OneP
import OnePJSON
import Testing

/// Requests written out by hand in the shape of rpc.md's examples, sent as bytes.
@Suite struct RawRequestTests {
    private func send(_ text: String, over client: RPCClient) async throws -> [UInt8] {
        try await client.transport.send(Array(text.utf8))
    }

    @Test(arguments: Route.allCases) func readExampleWithNumberedID(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            _ = try await client.makeDataport("temperature")
            _ = try await client.call(.record(.alias("temperature"), [(1_376_951_473, 72.5), (1_376_957_184, 72.3), (1_376_957_195, 72.2)]))
            let cik = fixture.platform.bootstrap.rootCIK
            let request = """
                {
                    "auth": {"cik": "\(cik)"},
                    "calls": [
                        {
                            "id": 56,
                            "procedure": "read",
                            "arguments": [
                                {"alias": "temperature"},
                                {"endtime": 1376957311, "limit": 3, "selection": "all", "sort": "desc", "starttime": 1}
                            ]
                        }
                    ]
                }
                """
            let answer = try JSON(parsing: try await send(request, over: client))
            let expected = try JSON(
                parsing: #"[{"id":56,"status":"ok","result":[[1376957195,72.2],[1376957184,72.3],[1376951473,72.5]]}]"#
            )
            #expect(answer == expected)
        }
    }

    @Test(arguments: Route.allCases) func readAndWriteWithStringIDs(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let rid = try await client.makeDataport("temperature")
            let cik = fixture.platform.bootstrap.rootCIK
            let request = """
                {"auth": {"cik": "\(cik)"},
                 "calls": [{"id": "first", "procedure": "read", "arguments": ["\(rid)", {"starttime": 1376709504, "endtime": 1376709527, "limit": 1, "sort": "desc", "selection": "all"}]},
                           {"id": "second", "procedure": "write", "arguments": [{"alias": "temperature"}, 65.4]}]}
                """
            let answer = try JSON(parsing: try await send(request, over: client))
            #expect(answer == [["id": "first", "status": "ok", "result": []], ["id": "second", "status": "ok"]])
        }
    }

    @Test(arguments: Route.allCases) func callsWithoutIDsAnswerAnEmptyBody(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            _ = try await client.makeDataport("quiet")
            let request = """
                {"auth": {"cik": "\(fixture.platform.bootstrap.rootCIK)"}, "calls": [{"procedure": "write", "arguments": [{"alias": "quiet"}, 1.5]}]}
                """
            #expect(try await send(request, over: client).isEmpty)
            #expect(try await client.points(.alias("quiet")).map(\.value) == [1.5])
        }
    }

    @Test(arguments: Route.allCases) func bodyThatIsNotJSONIsARequestError(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let answer = try JSON(parsing: try await send("{not json", over: client))
            #expect(answer["error"]?["code"] == -1)
        }
    }

    @Test(arguments: Route.allCases) func badCIKExampleAnswers401(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let request =
                #"{"auth":{"cik":"bef3c7f91ac3562e6a2212345678901234567890"},"calls":[{"procedure":"read","arguments":[{"alias":"log"}, {}],"id":0}]}"#
            let answer = try JSON(parsing: try await send(request, over: client))
            #expect(answer["error"]?["code"] == 401)
        }
    }
}
