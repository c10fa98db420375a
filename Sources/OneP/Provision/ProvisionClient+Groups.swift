import OnePCSV

/// `/provision/manage/group/<model>/...`: groups of serial numbers, content and other groups.
extension ProvisionClient {
    /// `<id>,<meta>` lines, a page at a time (limit 5 to 1000).
    public func groupList(model: String, offset: Int = 0, limit: Int = 5) async throws -> ProvisionAnswer {
        try await send("GET", Self.groupsPath(model), query: [("offset", String(offset)), ("limit", String(limit))])
    }

    public func groupCreate(model: String, id: String, meta: String = "") async throws -> ProvisionAnswer {
        try await send("POST", Self.groupsPath(model), form: [("id", id), ("meta", meta)])
    }

    public func groupDelete(model: String, id: String) async throws -> ProvisionAnswer {
        try await send("DELETE", Self.groupPath(model, id))
    }

    /// The older form of group removal: a POST with `delete=true`.
    public func groupDeleteByPost(model: String, id: String) async throws -> ProvisionAnswer {
        try await send("POST", Self.groupsPath(model), form: [("id", id), ("delete", "true")])
    }

    /// `<meta>,<member count>`.
    public func groupInfo(model: String, id: String) async throws -> ProvisionAnswer {
        try await send("GET", Self.groupPath(model, id))
    }

    /// The groups this group is a member of.
    public func groupParents(model: String, id: String, offset: Int = 0, limit: Int = 5) async throws -> ProvisionAnswer {
        try await send("GET", Self.groupPath(model, id), query: [("show", "groups"), ("offset", String(offset)), ("limit", String(limit))])
    }

    /// `<type>,<id>,<expire>,<meta>` lines, optionally only of one type or one member id.
    public func groupMembers(
        model: String, id: String, type: String? = nil, memberID: String? = nil, offset: Int = 0, limit: Int = 5
    ) async throws -> ProvisionAnswer {
        var query = [("offset", String(offset)), ("limit", String(limit))]
        if let type { query.append(("type", type)) }
        if let memberID { query.append(("id", memberID)) }
        return try await send("GET", Self.groupPath(model, id) + "/", query: query)
    }

    /// Adds or updates members of one type that share an expiry time and meta.
    public func groupAddMembers(
        model: String, id: String, type: String, memberIDs: [String], expire: Int = 0, meta: String = ""
    ) async throws -> ProvisionAnswer {
        let form = [("type", type)] + memberIDs.map { ("id[]", $0) } + [("expire", String(expire)), ("meta", meta)]
        return try await send("POST", Self.groupPath(model, id) + "/", form: form)
    }

    /// Adds or updates members given as `text/csv` lines `<type>,<id>,<expire>,<meta>`.
    public func groupAddMembers(model: String, id: String, members: [(type: String, id: String, expire: Int, meta: String)]) async throws
        -> ProvisionAnswer
    {
        let text = CSVCodec.text(members.map { [$0.type, $0.id, String($0.expire), $0.meta] })
        return try await send("POST", Self.groupPath(model, id) + "/", body: Array(text.utf8), contentType: "text/csv; charset=utf-8")
    }

    public func groupRemoveMembers(model: String, id: String, type: String, memberIDs: [String]) async throws -> ProvisionAnswer {
        let form = [("type", type)] + memberIDs.map { ("id[]", $0) } + [("delete", "true")]
        return try await send("POST", Self.groupPath(model, id) + "/", form: form)
    }

    /// Removes members given as `text/csv` lines `<type>,<id>`.
    public func groupRemoveMembers(model: String, id: String, members: [(type: String, id: String)]) async throws -> ProvisionAnswer {
        let text = CSVCodec.text(members.map { [$0.type, $0.id] })
        return try await send("DELETE", Self.groupPath(model, id) + "/", body: Array(text.utf8), contentType: "text/csv; charset=utf-8")
    }

    static func groupsPath(_ model: String) -> String {
        "/provision/manage/group/\(FormEncoding.segment(model))/"
    }

    static func groupPath(_ model: String, _ id: String) -> String {
        groupsPath(model) + FormEncoding.segment(id)
    }
}
