import OnePCSV
import OnePJSON

/// `/provision/manage/model/<model>/[<sn>]`: serial numbers and the clients enabled for them.
///
/// `ownerVendor` names the vendor that owns a model shared with this one (`X-Exosite-Vendor`).
extension ProvisionClient {
    /// `<sn>,<rid>,<extra>` lines (with `status`, `<sn>,<status>,<rid>,<extra>`).
    public func serialNumberList(
        model: String, offset: Int = 0, limit: Int = 1000, status: Bool = false, shared: String? = nil, ownerVendor: String? = nil
    ) async throws -> ProvisionAnswer {
        var query = [("offset", String(offset)), ("limit", String(limit))]
        if status { query.append(("status", "true")) }
        if let shared { query.append(("shared", shared)) }
        return try await send("GET", Self.serialsPath(model), query: query, headers: Self.vendorHeader(ownerVendor))
    }

    public func serialNumberAdd(model: String, sn: String, extra: String = "") async throws -> ProvisionAnswer {
        try await send("POST", Self.serialsPath(model), form: [("sn", sn), ("extra", extra)])
    }

    public func serialNumberAdd(model: String, sns: [String]) async throws -> ProvisionAnswer {
        try await send("POST", Self.serialsPath(model), form: sns.map { ("sn[]", $0) })
    }

    /// Adds serial numbers with their extra data as a `text/csv` body of `sn,extra` lines.
    public func serialNumberAdd(model: String, withExtra rows: [(sn: String, extra: String)]) async throws -> ProvisionAnswer {
        let text = CSVCodec.text(rows.map { [$0.sn, $0.extra] })
        return try await send("POST", Self.serialsPath(model), body: Array(text.utf8), contentType: "text/csv; charset=utf-8")
    }

    public func serialNumberRemove(model: String, sn: String) async throws -> ProvisionAnswer {
        try await send("POST", Self.serialsPath(model), form: [("delete", "true"), ("sn", sn)])
    }

    public func serialNumberRemove(model: String, sns: [String]) async throws -> ProvisionAnswer {
        try await send("POST", Self.serialsPath(model), form: [("delete", "true")] + sns.map { ("sn[]", $0) })
    }

    /// Removes serial numbers listed one per line in a `text/csv` body.
    public func serialNumberRemoveListed(model: String, sns: [String]) async throws -> ProvisionAnswer {
        try await send("DELETE", Self.serialsPath(model), body: Array(CSVCodec.text(sns.map { [$0] }).utf8), contentType: "text/csv; charset=utf-8")
    }

    public func serialNumberRanges(model: String) async throws -> ProvisionAnswer {
        try await send("GET", Self.serialsPath(model), query: [("show", "ranges")])
    }

    public func serialNumberAddRanges(model: String, _ ranges: [SerialNumberRange]) async throws -> ProvisionAnswer {
        try await send("POST", Self.serialsPath(model), body: Self.rangesBody(ranges), contentType: "application/javascript; charset=utf-8")
    }

    public func serialNumberRemoveRanges(model: String, _ ranges: [SerialNumberRange]) async throws -> ProvisionAnswer {
        try await send("DELETE", Self.serialsPath(model), body: Self.rangesBody(ranges), contentType: "application/javascript; charset=utf-8")
    }

    /// `<status>,<rid>,<extra>` of one serial number.
    public func serialNumberInfo(model: String, sn: String, ownerVendor: String? = nil) async throws -> ProvisionAnswer {
        try await send("GET", Self.serialPath(model, sn), headers: Self.vendorHeader(ownerVendor))
    }

    public func serialNumberGroups(model: String, sn: String, offset: Int = 0, limit: Int = 5) async throws -> ProvisionAnswer {
        try await send("GET", Self.serialPath(model, sn), query: [("show", "groups"), ("offset", String(offset)), ("limit", String(limit))])
    }

    /// `<timestamp>,<connection>,<entry>` lines of the serial number's activation log.
    public func serialNumberLog(model: String, sn: String, ownerVendor: String? = nil) async throws -> ProvisionAnswer {
        try await send("GET", Self.serialPath(model, sn), query: [("show", "log")], headers: Self.vendorHeader(ownerVendor))
    }

    /// Copies the model's template under `owner` for the serial number; the answer's text is the new RID.
    public func serialNumberEnable(model: String, sn: String, owner: String, ownerVendor: String? = nil) async throws -> ProvisionAnswer {
        try await send(
            "POST", Self.serialPath(model, sn), form: [("enable", "true"), ("owner", owner)], headers: Self.vendorHeader(ownerVendor))
    }

    /// Moves the client of `oldSN` to `sn`.
    public func serialNumberRemap(model: String, sn: String, oldSN: String, ownerVendor: String? = nil) async throws -> ProvisionAnswer {
        try await send(
            "POST", Self.serialPath(model, sn), form: [("enable", "true"), ("oldsn", oldSN)], headers: Self.vendorHeader(ownerVendor))
    }

    /// A new CIK for the serial number's client; the device must activate again.
    public func serialNumberReenable(model: String, sn: String, ownerVendor: String? = nil) async throws -> ProvisionAnswer {
        try await send("POST", Self.serialPath(model, sn), form: [("enable", "true")], headers: Self.vendorHeader(ownerVendor))
    }

    public func serialNumberDisable(model: String, sn: String, ownerVendor: String? = nil) async throws -> ProvisionAnswer {
        try await send("POST", Self.serialPath(model, sn), form: [("disable", "true")], headers: Self.vendorHeader(ownerVendor))
    }

    public func serialNumberDelete(model: String, sn: String) async throws -> ProvisionAnswer {
        try await send("DELETE", Self.serialPath(model, sn))
    }

    static func serialsPath(_ model: String) -> String {
        modelPath(model) + "/"
    }

    static func serialPath(_ model: String, _ sn: String) -> String {
        modelPath(model) + "/" + FormEncoding.segment(sn)
    }

    static func vendorHeader(_ vendor: String?) -> [(String, String)] {
        vendor.map { [("X-Exosite-Vendor", $0)] } ?? []
    }

    private static func rangesBody(_ ranges: [SerialNumberRange]) -> [UInt8] {
        let list = ranges.map { range -> JSON in
            [
                "format": .string(range.format), "length": range.length.map(JSON.int) ?? .null,
                "casing": range.uppercase ? "upper" : "lower", "first": .int(range.first), "last": .int(range.last),
            ]
        }
        return JSON.object(["ranges": .array(list)]).utf8Bytes()
    }
}
