import OnePJSON

// MARK: - Resources

extension Call {
    /// Creates a client, dataport, datarule or dispatch under `parent`; answers the new RID.
    public static func create(_ parent: ResourceID, type: ResourceType, description: JSON) -> Call {
        Call(procedure: "create", arguments: [parent.json, .string(type.rawValue), description])
    }

    /// Copies a client (given by RID or share code); answers the new RID.
    /// - Parameter parent: where the copy goes; `nil` leaves it to the calling client.
    public static func clone(_ parent: ResourceID?, _ source: CloneSource, noAliases: Bool = false, noHistorical: Bool = false) -> Call {
        var options = JSONObject()
        switch source {
        case .rid(let rid): options["rid"] = .string(rid)
        case .code(let code): options["code"] = .string(code)
        }
        if noAliases { options["noaliases"] = true }
        if noHistorical { options["nohistorical"] = true }
        let head: [JSON] = parent.map { [$0.json] } ?? []
        return Call(procedure: "create", arguments: head + ["clone", .object(options)])
    }

    /// Reports on a resource; with ``InfoOptions/all`` everything the caller may see.
    public static func info(_ rid: ResourceID, options: InfoOptions = .all) -> Call {
        Call(procedure: "info", arguments: [rid.json, options.json])
    }

    /// Lists the RIDs of a client's children, grouped by type.
    public static func listing(_ rid: ResourceID, types: [ResourceType] = ResourceType.all, options: ListingOptions = .init()) -> Call {
        Call(procedure: "listing", arguments: [rid.json, .array(types.map { .string($0.rawValue) }), options.json])
    }

    /// Changes a resource's description; a resource cannot update itself.
    public static func update(_ rid: ResourceID, description: JSON) -> Call {
        Call(procedure: "update", arguments: [rid.json, description])
    }

    /// Deletes a resource and, for a client, everything under it.
    public static func drop(_ rid: ResourceID) -> Call {
        Call(procedure: "drop", arguments: [rid.json])
    }

    /// Moves a resource under another client.
    /// - Parameter aliases: recreate the resource's aliases under the new owner rather than drop them.
    public static func move(_ rid: ResourceID, to destination: ResourceID, aliases: Bool = true) -> Call {
        Call(procedure: "move", arguments: [rid.json, destination.json, ["aliases": .bool(aliases)]])
    }

    /// Measures a metric (`client`, `dataport`, ..., `share`, `email`, ...) over a window.
    public static func usage(_ rid: ResourceID, metric: String, start: Int, end: Int) -> Call {
        Call(procedure: "usage", arguments: [rid.json, .string(metric), .int(start), .int(end)])
    }
}
