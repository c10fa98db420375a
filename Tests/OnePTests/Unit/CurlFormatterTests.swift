import OneP
import OnePJSON
import Testing

@Suite struct CurlFormatterTests {
    private let cik = "5de0cfcf7b5bed2ea7a801234567890123456789"
    private let formatter = CurlFormatter(
        url: "http://127.0.0.1:8080/onep:v1/rpc/process",
        headers: [("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "onep/\(OneP.version)")]
    )

    private func body(auth: Auth, calls: [JSON]) -> [UInt8] {
        JSON.object(["auth": auth.json, "calls": .array(calls)]).utf8Bytes()
    }

    @Test func writesARunnableCommandLine() {
        let line = formatter.command(body: body(auth: .cik(cik), calls: []))
        #expect(line.hasPrefix("curl -X POST 'http://127.0.0.1:8080/onep:v1/rpc/process' "))
        #expect(line.contains("-H 'Content-Type: application/json; charset=utf-8'"))
        #expect(line.contains("-H 'User-Agent: onep/\(OneP.version)'"))
        #expect(line.contains("--data-binary '{"))
    }

    @Test func masksTheCIK() {
        let line = formatter.command(body: body(auth: .cik(cik, clientID: "c1"), calls: []))
        #expect(!line.contains(cik))
        #expect(line.contains("5de0" + String(repeating: "*", count: 36)))
        #expect(line.contains(#""client_id":"c1""#))
    }

    @Test func masksTokensAndCIKsPassedAsCodes() {
        let other = "0123456789abcdef0123456789abcdef01234567"
        let calls = [Call.activate(.me, .client, code: other), Call.revoke(.client, code: other), Call.revoke(.share, code: "sharecode")]
        let request = body(
            auth: .token("tok3nvalue"),
            calls: calls.enumerated().map { index, call in
                ["id": .int(index), "procedure": .string(call.procedure), "arguments": .array(call.arguments)]
            })
        let line = formatter.command(body: request)
        #expect(!line.contains("tok3nvalue"))
        #expect(!line.contains(other))
        #expect(line.contains("sharecode"))
    }

    @Test func revealsSecretsWhenAsked() {
        let revealing = CurlFormatter(url: formatter.url, headers: formatter.headers, revealSecrets: true)
        #expect(revealing.command(body: body(auth: .cik(cik), calls: [])).contains(cik))
    }

    @Test func quotesSingleQuotesForTheShell() {
        let call: JSON = ["id": 0, "procedure": "write", "arguments": [["alias": "a"], "it's"]]
        let line = formatter.command(body: body(auth: .cik(cik), calls: [call]))
        #expect(line.contains(#"it'\''s"#))
    }
}
