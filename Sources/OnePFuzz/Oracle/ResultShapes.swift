import OnePJSON

/// The shape of an `ok` call's result, procedure by procedure, as rpc.md documents it.
enum ResultShapes {
    /// Procedures that answer only a status.
    static let statusOnly: Set<String> = [
        "update", "drop", "map", "unmap", "write", "writegroup", "record", "recordbatch", "flush", "move", "activate", "deactivate",
        "revoke", "tag", "comment",
    ]

    /// Nil when `result` (nil when the answer has none) has the documented shape for `procedure`.
    static func check(_ procedure: String, _ result: JSON?) -> String? {
        if statusOnly.contains(procedure) { return result == nil ? nil : "\(procedure) answered a result" }
        guard let result else { return "\(procedure) answered ok without a result" }
        let fits: Bool
        switch procedure {
        case "create", "lookup", "share", "grant": fits = isIdentifier(result)
        case "info": fits = result.objectValue != nil
        case "listing":
            fits = result.arrayValue.map { $0.allSatisfy(isRIDList) } ?? result.objectValue.map { $0.allSatisfy { isRIDList($0.value) } } ?? false
        case "read": fits = result.arrayValue?.allSatisfy(isPoint) ?? false
        case "wait": fits = isPoint(result)
        case "usage": fits = result.intValue.map { $0 >= 0 } ?? false
        default: return "ok from a procedure rpc.md does not have: \(procedure)"
        }
        return fits ? nil : "\(procedure) answered ok with \(result.serialized().prefix(200))"
    }

    private static func isIdentifier(_ value: JSON) -> Bool {
        guard let text = value.stringValue else { return false }
        return text.utf8.count == 40 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func isRIDList(_ value: JSON) -> Bool {
        value.arrayValue?.allSatisfy(isIdentifier) ?? false
    }

    /// `[timestamp, value]` with an integer timestamp and a number or string value.
    private static func isPoint(_ value: JSON) -> Bool {
        guard let pair = value.arrayValue, pair.count == 2, case .int = pair[0] else { return false }
        switch pair[1] {
        case .int, .double, .string: return true
        default: return false
        }
    }
}
