import OneP
import OnePJSON

/// The hosted platform's rule for reading aliases (rpc.md, `info` "aliases"): only the client
/// itself and its owner read the aliases a client maps; to anyone else the answer names the same
/// RIDs with "undefined" in place of each list. The embedded platform answers the lists to every
/// ancestor, so this transport puts the rule back on its answers: it asks the platform, with the
/// request's own credentials, who the caller is and who owns each client asked about.
struct HostedAliasVisibility: Transport {
    let inner: any Transport

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        let answer = try await inner.send(body)
        guard let request = try? JSON(parsing: body), let auth = request["auth"], let calls = request["calls"]?.arrayValue,
            let answers = try? JSON(parsing: answer).arrayValue
        else { return answer }
        var asked: [(id: JSON, rid: String)] = []
        for call in calls where call["procedure"] == "info" && call["arguments"]?[1]?["aliases"] == true {
            if let id = call["id"], let rid = call["arguments"]?[0]?.stringValue { asked.append((id, rid)) }
        }
        guard !asked.isEmpty else { return answer }
        let me = try await lookup(auth, [["alias": ""], "alias", ""])
        var hiddenIDs: [JSON] = []
        for item in asked where item.rid != me {
            if try await lookup(auth, [["alias": ""], "owner", .string(item.rid)]) != me { hiddenIDs.append(item.id) }
        }
        let rewritten = answers.map { entry -> JSON in
            guard let id = entry["id"], hiddenIDs.contains(id), var object = entry.objectValue,
                var result = object["result"]?.objectValue, let aliases = result["aliases"]?.objectValue
            else { return entry }
            result["aliases"] = .object(JSONObject(aliases.map { ($0.key, JSON.string("undefined")) }))
            object["result"] = .object(result)
            return .object(object)
        }
        return JSON.array(rewritten).utf8Bytes()
    }

    /// One `lookup` with the request's credentials; nil when the platform refuses it.
    private func lookup(_ auth: JSON, _ arguments: JSON) async throws -> String? {
        let request: JSON = ["auth": auth, "calls": [["id": 1, "procedure": "lookup", "arguments": arguments]]]
        let answer = try JSON(parsing: try await inner.send(request.utf8Bytes()))
        return answer.arrayValue?.first?["result"]?.stringValue
    }
}
