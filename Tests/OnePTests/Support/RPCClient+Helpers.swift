import OneP
import OnePJSON
import Testing

extension RPCClient {
    /// Creates a dataport under the calling client, maps `alias` to it and answers its RID.
    func makeDataport(_ alias: String, format: String = "float", name: String? = nil) async throws -> String {
        let description: JSON = ["format": .string(format), "name": .string(name ?? alias)]
        let rid = try #require(try await call(.create(.me, type: .dataport, description: description))?.stringValue)
        _ = try await call(.map(.rid(rid), alias: alias))
        return rid
    }

    /// Creates a client under the calling client and answers its RID and CIK.
    func makeClient(_ name: String) async throws -> (rid: String, cik: String) {
        let rid = try #require(try await call(.create(.me, type: .client, description: ["name": .string(name)]))?.stringValue)
        let info = try ResourceInfo(try await call(.info(.rid(rid), options: [.key])))
        return (rid, try #require(info.key))
    }

    /// Creates a client that may create resources of its own (its limits inherit from the caller's)
    /// and answers its RID and CIK.
    func makeDevice(_ name: String) async throws -> (rid: String, cik: String) {
        let limits: JSON = ["client": "inherit", "dataport": "inherit", "datarule": "inherit", "dispatch": "inherit", "share": "inherit"]
        let description: JSON = ["name": .string(name), "limits": limits]
        let rid = try #require(try await call(.create(.me, type: .client, description: description))?.stringValue)
        let info = try ResourceInfo(try await call(.info(.rid(rid), options: [.key])))
        return (rid, try #require(info.key))
    }

    func points(_ rid: ResourceID, _ options: ReadOptions = .init(limit: 10_000)) async throws -> [Point] {
        try Point.list(from: try await call(.read(rid, options)))
    }
}

extension OnePError {
    /// The failed call's status word, e.g. `restricted`.
    var statusWord: String? {
        if case .failed(let word) = callStatus { return word }
        return nil
    }
}

/// Runs `body`, expecting it to throw a ``OnePError``, and answers that error.
func expectOnePError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async throws -> OnePError {
    do {
        try await body()
    } catch let error as OnePError {
        return error
    }
    Issue.record("expected a OnePError", sourceLocation: sourceLocation)
    throw CancellationError()
}
