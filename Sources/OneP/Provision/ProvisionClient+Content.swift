import AsyncHTTPClient

/// `/provision/manage/content/<model>/[<id>]`: content a model's devices may download.
extension ProvisionClient {
    /// Content ids of the model; with `sn`, those that serial number may download.
    public func contentList(model: String, sn: String? = nil) async throws -> ProvisionAnswer {
        try await send("GET", Self.contentsPath(model), query: sn.map { [("sn", $0)] } ?? [])
    }

    /// Makes a content entry; a protected one is only for serial numbers that share a group with it.
    public func contentCreate(model: String, id: String, meta: String = "", protected: Bool = false) async throws -> ProvisionAnswer {
        var form = [("id", id), ("meta", meta)]
        if protected { form.append(("protected", "true")) }
        return try await send("POST", Self.contentsPath(model), form: form)
    }

    /// `<content-type>,<size>,<updated>,<meta>,<protected>`; with `sn`, the first four if it may download it.
    public func contentInfo(model: String, id: String, sn: String? = nil) async throws -> ProvisionAnswer {
        try await send("GET", Self.contentPath(model, id), query: sn.map { [("sn", $0)] } ?? [])
    }

    public func contentGroups(model: String, id: String, offset: Int = 0, limit: Int = 5) async throws -> ProvisionAnswer {
        try await send("GET", Self.contentPath(model, id), query: [("show", "groups"), ("offset", String(offset)), ("limit", String(limit))])
    }

    public func contentUpload(model: String, id: String, bytes: [UInt8], contentType: String) async throws -> ProvisionAnswer {
        try await send("POST", Self.contentPath(model, id), body: bytes, contentType: contentType)
    }

    /// Uploads a file, reading it a chunk at a time as it is sent.
    public func contentUpload(model: String, id: String, filePath: String, contentType: String) async throws -> ProvisionAnswer {
        let path = Self.contentPath(model, id)
        let file = try FileChunks(path: filePath)
        var request = makeRequest("POST", path, query: [], headers: [("Content-Type", contentType)], auth: auth)
        request.body = .stream(file, length: .known(Int64(file.size)))
        return try await exchange(request, method: "POST", path: path) { response in
            Array(try await response.body.collect(upTo: 1024 * 1024).readableBytesView)
        }
    }

    /// The content's bytes (206 with `range`, e.g. `bytes=0-99`).
    public func contentDownload(model: String, id: String, range: String? = nil, sn: String? = nil) async throws -> ProvisionAnswer {
        var query = [("download", "true")]
        if let sn { query.append(("sn", sn)) }
        return try await send("GET", Self.contentPath(model, id), query: query, headers: range.map { [("Range", $0)] } ?? [])
    }

    /// Writes the content's bytes into a file as they arrive; the answer's body stays empty.
    public func contentDownload(model: String, id: String, toFile filePath: String, range: String? = nil) async throws -> ProvisionAnswer {
        let path = Self.contentPath(model, id)
        let request = makeRequest("GET", path, query: [("download", "true")], headers: range.map { [("Range", $0)] } ?? [], auth: auth)
        return try await download(request, path: path, to: filePath)
    }

    public func contentDelete(model: String, id: String) async throws -> ProvisionAnswer {
        try await send("DELETE", Self.contentPath(model, id))
    }

    /// The older form of content removal: a POST with `delete=true`.
    public func contentDeleteByPost(model: String, id: String) async throws -> ProvisionAnswer {
        try await send("POST", Self.contentsPath(model), form: [("delete", "true"), ("id", id)])
    }

    func download(_ request: HTTPClientRequest, path: String, to filePath: String) async throws -> ProvisionAnswer {
        try await exchange(request, method: "GET", path: path) { response in
            let sink = try FileSink(path: filePath)
            defer { sink.finish() }
            for try await buffer in response.body { try sink.write(buffer) }
            return []
        }
    }

    static func contentsPath(_ model: String) -> String {
        "/provision/manage/content/\(FormEncoding.segment(model))/"
    }

    static func contentPath(_ model: String, _ id: String) -> String {
        contentsPath(model) + FormEncoding.segment(id)
    }
}
