import OnePJSON
import OnePlatform

/// The identifiers of what a ``FuzzWorld`` holds, substituted into the corpus.
struct FuzzNames: Sendable {
    var rootCIK = ""
    var rootRID = ""
    var deviceCIK = ""
    var deviceRID = ""
    var integerPort = ""
    var floatPort = ""
    var stringPort = ""
    var rule = ""
    var dispatch = ""
    var shareCode = ""
    var token = ""
    var vendor = ""
    var vendorToken = ""
    let model = "m1"
    let serial = "sn1"
    let group = "g1"
    let content = "c1"

    struct SetupFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Fills `platform` and returns the names of what it made.
    static func seed(_ platform: Platform) async throws -> FuzzNames {
        var names = FuzzNames()
        names.rootCIK = platform.bootstrap.rootCIK
        names.rootRID = platform.bootstrap.rootRID
        names.vendor = platform.bootstrap.vendorName
        names.vendorToken = platform.bootstrap.vendorToken
        let root: JSON = ["cik": .string(names.rootCIK)]
        // Counted limits keep what fuzzing makes small: a client cloned into itself again and
        // again would otherwise double its subtree each time.
        let limits = JSON.object(JSONObject(FuzzCorpus.limitKeys.map { ($0, JSON.int($0.hasSuffix("_bucket") ? 100 : 40)) }))
        names.deviceRID = try await result(platform, root, "create", ["client", ["name": "device", "limits": limits]])
        let info = try await call(platform, root, "info", [.string(names.deviceRID), ["key": true]])
        names.deviceCIK = try text(info["key"], "the device's key")
        let device: JSON = ["cik": .string(names.deviceCIK)]
        names.integerPort = try await dataport(platform, device, "integer", alias: "ti")
        names.floatPort = try await dataport(platform, device, "float", alias: "tf")
        names.stringPort = try await dataport(platform, device, "string", alias: "ts")
        names.rule = try await result(
            platform, device, "create",
            ["datarule", ["format": "integer", "subscribe": .string(names.integerPort), "rule": ["simple": ["comparison": "gt", "constant": 10]]]])
        names.dispatch = try await result(
            platform, device, "create", ["dispatch", ["method": "email", "recipient": "a@example.com", "subscribe": .string(names.stringPort)]])
        names.shareCode = try await result(platform, device, "share", [.string(names.integerPort), ["meta": "shared"]])
        names.token = try await result(platform, root, "grant", [.string(names.deviceRID), [names.deviceRID: ["read", "write", "info", "wait"]]])
        _ = try await call(platform, device, "record", [.string(names.integerPort), [[1_399_999_000, 5], [1_399_999_500, 12]], [:]])
        try await names.seedProvisioning(platform)
        return names
    }

    /// Makes the model, its serial numbers, group and content again when fuzzing deleted the model,
    /// so later cases reach past "unknown model".
    func replenish(_ platform: Platform) async {
        let model = await platform.processProvision(
            ProvisionRequest(method: "GET", path: "/provision/manage/model/\(model)", headers: [("X-Exosite-Token", vendorToken)]))
        guard model.status == 404 else { return }
        try? await seedProvisioning(platform)
    }

    private func seedProvisioning(_ platform: Platform) async throws {
        let steps: [(String, String, String, String)] = [
            ("POST", "/provision/manage/model/", "model=\(model)&rid=\(deviceRID)", "application/x-www-form-urlencoded"),
            ("POST", "/provision/manage/model/\(model)/", "sn=\(serial)&sn=sn2&sn=sn3", "application/x-www-form-urlencoded"),
            ("POST", "/provision/manage/group/\(model)/", "id=\(group)&meta=first", "application/x-www-form-urlencoded"),
            ("POST", "/provision/manage/group/\(model)/\(group)/", "type=sn&id=\(serial)", "application/x-www-form-urlencoded"),
            ("POST", "/provision/manage/content/\(model)/", "id=\(content)&meta=blob", "application/x-www-form-urlencoded"),
            ("POST", "/provision/manage/content/\(model)/\(content)", "0123456789abcdef", "application/octet-stream"),
            ("POST", "/provision/manage/model/\(model)/\(serial)", "enable=true&owner=\(rootRID)", "application/x-www-form-urlencoded"),
        ]
        for (method, path, body, type) in steps {
            let answer = await platform.processProvision(
                ProvisionRequest(
                    method: method, path: path, headers: [("X-Exosite-Token", vendorToken), ("Content-Type", type)], body: Array(body.utf8)))
            guard answer.status < 300 else {
                throw SetupFailure(description: "\(method) \(path) answered \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
            }
        }
    }

    private static func dataport(_ platform: Platform, _ auth: JSON, _ format: String, alias: String) async throws -> String {
        let rid = try await result(platform, auth, "create", ["dataport", ["format": .string(format), "name": .string(alias)]])
        _ = try await call(platform, auth, "map", ["alias", .string(rid), .string(alias)])
        return rid
    }

    private static func result(_ platform: Platform, _ auth: JSON, _ procedure: String, _ arguments: [JSON]) async throws -> String {
        try text(try await call(platform, auth, procedure, arguments), "the result of \(procedure)")
    }

    private static func call(_ platform: Platform, _ auth: JSON, _ procedure: String, _ arguments: [JSON]) async throws -> JSON {
        let request: JSON = ["auth": auth, "calls": [["id": 1, "procedure": .string(procedure), "arguments": .array(arguments)]]]
        let answer = try JSON(parsing: await platform.processRPC(request.utf8Bytes()))
        guard answer[0]?["status"] == "ok" else { throw SetupFailure(description: "\(procedure) answered \(answer.serialized())") }
        return answer[0]?["result"] ?? .null
    }

    private static func text(_ value: JSON?, _ what: String) throws -> String {
        guard let text = value?.stringValue else { throw SetupFailure(description: "no \(what)") }
        return text
    }
}
