/// The device side: `/provision/activate` and `/provision/download`.
extension ProvisionClient {
    /// Activates an enabled serial number; the answer's text is the device's CIK (once only).
    ///
    /// Sent without vendor credentials, as a device would.
    public func activate(vendor: String, model: String, sn: String) async throws -> ProvisionAnswer {
        let form = [("vendor", vendor), ("model", model), ("sn", sn)]
        return try await perform("POST", "/provision/activate", form: form, auth: nil)
    }

    /// Content ids the device with `cik` may download.
    public func deviceContentList(cik: String, vendor: String, model: String) async throws -> ProvisionAnswer {
        try await send("GET", "/provision/download", query: [("vendor", vendor), ("model", model)], auth: .cik(cik))
    }

    /// `<content-type>,<size>,<updated>,<meta>` of content the device may download.
    public func deviceContentInfo(cik: String, vendor: String, model: String, id: String) async throws -> ProvisionAnswer {
        try await send(
            "GET", "/provision/download", query: [("vendor", vendor), ("model", model), ("id", id), ("info", "true")], auth: .cik(cik))
    }

    /// The content's bytes as the device downloads them (206 with `range`).
    public func deviceDownload(cik: String, vendor: String, model: String, id: String, range: String? = nil) async throws -> ProvisionAnswer {
        try await send(
            "GET", "/provision/download", query: [("vendor", vendor), ("model", model), ("id", id)], headers: range.map { [("Range", $0)] } ?? [],
            auth: .cik(cik))
    }

    /// Writes the content's bytes into a file as the device downloads them.
    public func deviceDownload(
        cik: String, vendor: String, model: String, id: String, toFile filePath: String, range: String? = nil, progress: DownloadProgress? = nil
    ) async throws -> ProvisionAnswer {
        let request = makeRequest(
            "GET", "/provision/download", query: [("vendor", vendor), ("model", model), ("id", id)], headers: range.map { [("Range", $0)] } ?? [],
            auth: .cik(cik))
        return try await download(request, to: filePath, progress: progress)
    }
}
