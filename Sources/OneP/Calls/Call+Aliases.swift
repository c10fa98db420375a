import OnePJSON

// MARK: - Aliases

extension Call {
    /// Gives a resource an alias in the calling client.
    public static func map(_ rid: ResourceID, alias: String) -> Call {
        Call(procedure: "map", arguments: ["alias", rid.json, .string(alias)])
    }

    /// Removes an alias of `client`; removing one that does not exist succeeds.
    public static func unmap(_ client: ResourceID, alias: String) -> Call {
        Call(procedure: "unmap", arguments: [client.json, "alias", .string(alias)])
    }

    /// Finds a RID under `client` by alias, by owned resource or by share code.
    public static func lookup(_ client: ResourceID, _ key: LookupKey) -> Call {
        let wire = key.wire
        return Call(procedure: "lookup", arguments: [client.json, .string(wire.type), wire.value])
    }
}
