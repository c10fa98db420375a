import OnePJSON

// MARK: - Shares and keys

extension Call {
    /// Creates a share code for a resource, or with `code` changes the meta of an existing share.
    public static func share(_ rid: ResourceID, meta: String? = nil, code: String? = nil) -> Call {
        var options = JSONObject()
        if let code { options["code"] = .string(code) }
        if let meta { options["meta"] = .string(meta) }
        return Call(procedure: "share", arguments: [rid.json, .object(options)])
    }

    /// Revokes a share code, or a client's CIK (which gets a new one).
    public static func revoke(_ kind: CodeKind, code: String) -> Call {
        Call(procedure: "revoke", arguments: [.string(kind.rawValue), .string(code)])
    }

    /// Activates a CIK of a client `client` owns, or a share code for `client`.
    public static func activate(_ client: ResourceID, _ kind: CodeKind, code: String) -> Call {
        Call(procedure: "activate", arguments: [client.json, .string(kind.rawValue), .string(code)])
    }

    /// Expires a CIK, or withdraws `client`'s activation of a share.
    public static func deactivate(_ client: ResourceID, _ kind: CodeKind, code: String) -> Call {
        Call(procedure: "deactivate", arguments: [client.json, .string(kind.rawValue), .string(code)])
    }

    /// Issues a token allowing the listed procedures on the listed resources; answers the token.
    /// - Parameters:
    ///   - permissions: procedure names per RID.
    ///   - ttl: lifetime of the token in seconds.
    public static func grant(_ rid: ResourceID, permissions: [String: [String]], ttl: Int? = nil) -> Call {
        // Sorted so that the same grant always makes the same bytes.
        let granted = JSONObject(permissions.sorted { $0.key < $1.key }.map { ($0.key, JSON.array($0.value.map(JSON.string))) })
        var options = JSONObject()
        if let ttl { options["ttl"] = .int(ttl) }
        return Call(procedure: "grant", arguments: [rid.json, .object(granted), .object(options)])
    }
}
