import OnePJSON
import Testing

/// The isolation property, checked on one world.
extension IsolationWorld {
    /// Every refused probe from every credential against every resource it must not reach answers
    /// a refusal and changes nothing; every read-only probe on what it reaches answers `ok`; every
    /// auth form acting outside its key answers 401.
    func checkIsolation() async throws {
        let before = try await snapshot()
        for credential in credentials {
            try await checkRefused(credential)
        }
        let after = try await snapshot()
        #expect(before == after, "a refused call changed the platform")
        for credential in credentials {
            try await checkAnswered(credential)
        }
        for auth in forged {
            let answer = try await platform.send(["auth": auth, "calls": [["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]]])
            #expect(answer?["error"]?["code"] == 401, "\(auth) was accepted: \(answer?.serialized() ?? "no answer")")
        }
    }

    /// The statuses that refuse a call on a resource out of reach.
    static let refusals: Set<String> = ["restricted", "noauth"]

    private func checkRefused(_ credential: Credential) async throws {
        var calls: [(procedure: String, arguments: [JSON])] = []
        for index in nodes.indices {
            for probe in IsolationProbe.refused where !reaches(credential, probe.procedure, index) {
                if let arguments = probe.arguments(self, credential, index) { calls.append((probe.procedure, arguments)) }
            }
        }
        guard !calls.isEmpty else { return }
        let answers = try await platform.calls(calls.map { ($0.procedure, $0.arguments) }, auth: credential.auth)
        for (call, answer) in zip(calls, answers) {
            let status = answer["status"]?.stringValue ?? answer["status"]?.serialized() ?? "none"
            #expect(
                Self.refusals.contains(status),
                "\(credential.label): \(call.procedure) \(JSON.array(call.arguments).serialized()) answered \(answer.serialized())")
        }
    }

    private func checkAnswered(_ credential: Credential) async throws {
        var calls: [(procedure: String, arguments: [JSON])] = []
        for index in nodes.indices {
            for probe in IsolationProbe.answered where reaches(credential, probe.procedure, index) {
                if let arguments = probe.arguments(self, credential, index) { calls.append((probe.procedure, arguments)) }
            }
        }
        guard !calls.isEmpty else { return }
        let answers = try await platform.calls(calls.map { ($0.procedure, $0.arguments) }, auth: credential.auth)
        for (call, answer) in zip(calls, answers) {
            #expect(
                answer["status"] == "ok",
                "\(credential.label): \(call.procedure) \(JSON.array(call.arguments).serialized()) answered \(answer.serialized())")
        }
    }

    /// Everything the root can see of every resource, and whether every client's key still works.
    private func snapshot() async throws -> [JSON] {
        var calls: [(String, [JSON])] = []
        for node in nodes {
            calls.append(("info", [.string(node.rid), [:]]))
            if node.isClient {
                calls.append(("listing", [.string(node.rid), IsolationProbe.types, ["owned": true, "activated": true, "aliased": true]]))
            } else {
                calls.append(("read", [.string(node.rid), ["limit": 100]]))
            }
        }
        var seen = try await platform.calls(calls)
        for client in clients {
            let answer = try await platform.send([
                "auth": auth(of: client), "calls": [["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]],
            ])
            seen.append(answer ?? .null)
        }
        return seen
    }
}
