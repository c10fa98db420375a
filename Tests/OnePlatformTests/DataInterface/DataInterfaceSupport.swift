import OnePJSON
import OnePlatform
import Testing

/// A device that knows only its CIK, with dataports it reaches by alias.
struct DataDevice {
    let platform: TestPlatform
    let cik: String
    let auth: JSON

    /// A device client under the root with a dataport per `(alias, format)`.
    static func make(_ platform: TestPlatform, dataports: [(String, String)]) async throws -> DataDevice {
        let client = try await platform.client()
        for (alias, format) in dataports { try await platform.dataport(format, alias: alias, auth: client.auth) }
        return DataDevice(platform: platform, cik: try #require(client.auth["cik"]?.stringValue), auth: client.auth)
    }

    func request(
        _ method: String, _ path: String = "/onep:v1/stack/alias", query: String = "", body: String = "",
        headers: [(name: String, value: String)] = []
    ) -> DataInterfaceRequest {
        DataInterfaceRequest(
            method: method, path: path, query: query, headers: [("X-Exosite-CIK", cik)] + headers, body: Array(body.utf8))
    }

    func send(
        _ method: String, _ path: String = "/onep:v1/stack/alias", query: String = "", body: String = "",
        headers: [(name: String, value: String)] = []
    ) async -> DataInterfaceResponse {
        await platform.platform.processDataInterface(request(method, path, query: query, body: body, headers: headers))
    }

    /// The points of an alias, oldest first, read through the RPC API.
    func points(_ alias: String) async throws -> JSON {
        try await platform.ok("read", [["alias": .string(alias)], ["sort": "asc", "limit": 100]], auth: auth)
    }
}
