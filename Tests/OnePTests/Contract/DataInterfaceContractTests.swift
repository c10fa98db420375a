import Foundation
import OnePJSON
import Testing

/// clients.md "HTTP Data Interface": reads, writes, hybrid calls, `/timestamp` and `/ip` as clients see them.
@Suite struct DataInterfaceContractTests {
    private let formType = "application/x-www-form-urlencoded; charset=utf-8"

    private func cikHeader(_ env: ContractServer) -> String { "X-Exosite-CIK: \(env.rootCIK)" }

    @Test func readAnswersAliasesWithDataInReverseRequestOrderSkippingUnknownOnes() async throws {
        try await ContractServer.run { env in
            let a = try await env.dataport("a", format: "integer")
            let b = try await env.dataport("b", format: "string")
            _ = try await env.dataport("empty")
            _ = try await env.ok("write", [.string(a), 1])
            _ = try await env.ok("write", [.string(b), "x y"])
            let answer = try await env.get("/onep:v1/stack/alias?a&empty&unknown&b", headers: [cikHeader(env)])
            #expect(answer.status == 200)
            #expect(answer.text == "b=x%20y&a=1")
        }
    }

    @Test func readAnswers204WhenNoAliasHasData() async throws {
        try await ContractServer.run { env in
            _ = try await env.dataport("empty")
            let answer = try await env.get("/onep:v1/stack/alias?empty&unknown", headers: [cikHeader(env)])
            #expect(answer.status == 204)
            #expect(answer.body.isEmpty)
        }
    }

    @Test func postWritesEveryValueAtOneTimestamp() async throws {
        try await ContractServer.run { env in
            let a = try await env.dataport("a", format: "integer")
            let b = try await env.dataport("b", format: "float")
            let written = try await env.postForm("/onep:v1/stack/alias", "a=3&b=2.5", headers: [cikHeader(env)], contentType: formType)
            #expect(written.status == 204)
            #expect(try await env.read(.string(a)) == [[1_700_000_000, 3]])
            #expect(try await env.read(.string(b)) == [[1_700_000_000, 2.5]])
        }
    }

    @Test func hybridWritesFirstThenReads() async throws {
        try await ContractServer.run { env in
            _ = try await env.dataport("a", format: "integer")
            let b = try await env.dataport("b", format: "integer")
            _ = try await env.ok("write", [.string(b), 9])
            let answer = try await env.postForm("/onep:v1/stack/alias?a&b", "a=5", headers: [cikHeader(env)], contentType: formType)
            #expect(answer.status == 200)
            #expect(answer.text == "b=9&a=5")
        }
    }

    @Test func timestampAnswersTheServersUnixTime() async throws {
        try await ContractServer.run { env in
            let answer = try await env.get("/timestamp")
            #expect(answer.status == 200)
            #expect(answer.text == "1700000000")
        }
    }

    @Test func ipAnswersTheServerAddressAsSixNumbers() async throws {
        try await ContractServer.run { env in
            let answer = try await env.get("/ip")
            #expect(answer.status == 200)
            let port = env.server.port
            #expect(answer.text == "127,0,0,1,\(port >> 8),\(port & 0xFF)")
        }
    }
}
