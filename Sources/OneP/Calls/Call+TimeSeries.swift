import OnePJSON

// MARK: - Time series

extension Call {
    /// Reads points of a dataport, datarule or dispatch.
    public static func read(_ rid: ResourceID, _ options: ReadOptions = .init()) -> Call {
        Call(procedure: "read", arguments: [rid.json, options.json])
    }

    /// Writes one value at the platform's current time.
    public static func write(_ rid: ResourceID, value: JSON) -> Call {
        Call(procedure: "write", arguments: [rid.json, value])
    }

    /// Writes one value into each resource, all at the same timestamp.
    public static func writegroup(_ values: [(ResourceID, JSON)]) -> Call {
        Call(procedure: "writegroup", arguments: [.array(values.map { .array([$0.0.json, $0.1]) })])
    }

    /// Records timestamped values (the older procedure; see ``recordbatch(_:_:)``).
    /// A negative timestamp counts seconds back from now.
    public static func record(_ rid: ResourceID, _ entries: [(Int, JSON)]) -> Call {
        Call(procedure: "record", arguments: [rid.json, entriesJSON(entries), [:]])
    }

    /// Records timestamped values; the answer's status lists the points that were refused.
    /// A negative timestamp counts seconds back from now.
    public static func recordbatch(_ rid: ResourceID, _ entries: [(Int, JSON)]) -> Call {
        Call(procedure: "recordbatch", arguments: [rid.json, entriesJSON(entries)])
    }

    /// Removes points strictly between the bounds that are given, or every point when none is.
    public static func flush(_ rid: ResourceID, newerThan: Int? = nil, olderThan: Int? = nil) -> Call {
        var options = JSONObject()
        if let newerThan { options["newerthan"] = .int(newerThan) }
        if let olderThan { options["olderthan"] = .int(olderThan) }
        return Call(procedure: "flush", arguments: [rid.json, .object(options)])
    }

    /// Waits for the next point of a resource (long polling).
    /// - Parameters:
    ///   - timeoutMilliseconds: how long the platform waits before answering `expire`; its default is 30 s.
    ///   - since: answer the first point after this timestamp instead of after the call arrives.
    public static func wait(_ rid: ResourceID, timeoutMilliseconds: Int? = nil, since: Int? = nil) -> Call {
        var options = JSONObject()
        if let timeoutMilliseconds { options["timeout"] = .int(timeoutMilliseconds) }
        if let since { options["since"] = .int(since) }
        return Call(procedure: "wait", arguments: [rid.json, .object(options)])
    }

    private static func entriesJSON(_ entries: [(Int, JSON)]) -> JSON {
        .array(entries.map { .array([.int($0.0), $0.1]) })
    }
}
