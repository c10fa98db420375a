import OnePJSON
import OnePlatform
import Testing

/// The embedded platform driven through `processProvision`, with the bootstrap vendor's token, plus
/// the RPC side to make templates and look at what provisioning did.
struct ProvisionFixture {
    let rpc: TestPlatform
    var platform: Platform { rpc.platform }
    var vendor: String { platform.bootstrap.vendorName }
    var token: String { platform.bootstrap.vendorToken }
    var tokenAuth: [(String, String)] { [("X-Exosite-Token", token)] }

    static func make() throws -> ProvisionFixture {
        ProvisionFixture(rpc: try TestPlatform.inMemory())
    }

    struct Answer {
        let status: Int
        let headers: [(String, String)]
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var lines: [String] { text.split(whereSeparator: \.isNewline).map(String.init) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// One request; `form` becomes a form body, otherwise `body` is sent with `contentType`.
    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", form: String? = nil, body: [UInt8] = [], contentType: String? = nil,
        auth: [(String, String)]? = nil, headers: [(String, String)] = []
    ) async -> Answer {
        var allHeaders = (auth ?? tokenAuth) + headers
        var payload = body
        if let form {
            allHeaders.append(("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"))
            payload = Array(form.utf8)
        } else if let contentType {
            allHeaders.append(("Content-Type", contentType))
        }
        let response = await platform.processProvision(
            ProvisionRequest(method: method, path: path, query: query, headers: allHeaders, body: payload, remoteAddress: "127.0.0.1"))
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    /// A template client with a mapped integer dataport holding one point; returns its RID.
    func template(points: [Int] = [7]) async throws -> String {
        let client = try await rpc.client(["name": "template"])
        let port = try await rpc.dataport("integer", alias: "temp", extra: ["name": "temperature"], auth: client.auth)
        for (offset, value) in points.enumerated() {
            try await rpc.ok("record", [.string(port), [[.int(Int(TestPlatform.start) - 100 + offset), .int(value)]], [:]], auth: client.auth)
        }
        return client.rid
    }

    /// A model over a fresh template, with serial numbers added.
    @discardableResult
    func model(_ name: String = "m1", sns: [String] = [], options: String = "") async throws -> String {
        let template = try await template()
        let created = await send("POST", "/provision/manage/model/", form: "model=\(name)&rid=\(template)\(options)")
        try #require(created.status == 205, "model create answered \(created.status) \(created.text)")
        for sn in sns {
            let added = await send("POST", "/provision/manage/model/\(name)/", form: "sn=\(sn)")
            try #require(added.status == 205, "sn add answered \(added.status) \(added.text)")
        }
        return template
    }

    /// Enables `sn` under the root client and activates it; returns the client's RID and CIK.
    func activated(_ model: String, _ sn: String) async throws -> (rid: String, cik: String) {
        let enabled = await send("POST", "/provision/manage/model/\(model)/\(sn)", form: "enable=true&owner=\(platform.bootstrap.rootRID)")
        try #require(enabled.status == 200, "enable answered \(enabled.status) \(enabled.text)")
        let activated = await send("POST", "/provision/activate", form: "vendor=\(vendor)&model=\(model)&sn=\(sn)", auth: [])
        try #require(activated.status == 200, "activate answered \(activated.status) \(activated.text)")
        return (enabled.text, activated.text)
    }

    /// The status word of an RPC `info` call made with `cik`, or the request-level error code.
    func rpcOutcome(cik: String) async throws -> String {
        let answer = try await rpc.send([
            "auth": ["cik": .string(cik)], "calls": [["id": 1, "procedure": "info", "arguments": [["alias": ""], ["basic": true]]]],
        ])
        if let code = answer?["error"]?["code"]?.intValue { return String(code) }
        return answer?[0]?["status"]?.stringValue ?? "none"
    }
}
