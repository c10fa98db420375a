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
    /// - Parameter progress: told how many bytes have been read from the file, after each chunk.
    public func contentUpload(
        model: String, id: String, filePath: String, contentType: String, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ProvisionAnswer {
        let path = Self.contentPath(model, id)
        var request = makeRequest("POST", path, query: [], headers: [("Content-Type", contentType)], auth: auth)
        request.body = try .file(filePath, progress: progress)
        return try await exchange(request) { body in try await body.collect(upTo: 1024 * 1024) }
    }

    /// The content's bytes (206 with `range`, e.g. `bytes=0-99`).
    public func contentDownload(model: String, id: String, range: String? = nil, sn: String? = nil) async throws -> ProvisionAnswer {
        var query = [("download", "true")]
        if let sn { query.append(("sn", sn)) }
        return try await send("GET", Self.contentPath(model, id), query: query, headers: range.map { [("Range", $0)] } ?? [])
    }

    /// Writes the content's bytes into a file as they arrive; the answer's body stays empty.
    /// - Parameter progress: told the bytes written so far and the total when the platform said it.
    public func contentDownload(
        model: String, id: String, toFile filePath: String, range: String? = nil, progress: DownloadProgress? = nil
    ) async throws -> ProvisionAnswer {
        let path = Self.contentPath(model, id)
        let request = makeRequest("GET", path, query: [("download", "true")], headers: range.map { [("Range", $0)] } ?? [], auth: auth)
        return try await download(request, to: filePath, progress: progress)
    }

    public func contentDelete(model: String, id: String) async throws -> ProvisionAnswer {
        try await send("DELETE", Self.contentPath(model, id))
    }

    /// The older form of content removal: a POST with `delete=true`.
    public func contentDeleteByPost(model: String, id: String) async throws -> ProvisionAnswer {
        try await send("POST", Self.contentsPath(model), form: [("delete", "true"), ("id", id)])
    }

    /// Told how many bytes a download has written so far and, when known, how many there will be.
    public typealias DownloadProgress = @Sendable (_ written: Int, _ total: Int?) -> Void

    func download(_ request: ProvisionOutgoing, to filePath: String, progress: DownloadProgress?) async throws -> ProvisionAnswer {
        try await exchange(request) { body, length in
            let sink = try FileSink(path: filePath)
            defer { sink.finish() }
            var written = 0
            while let chunk = try await body.next() {
                try sink.write(chunk)
                written += chunk.count
                progress?(written, length)
            }
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
