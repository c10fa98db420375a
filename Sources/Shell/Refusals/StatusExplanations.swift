import OneP
import OnePJSON

/// What each status a procedure can answer means in the shell's terms, and what to do about it:
/// one explanation per status, said for the procedure that got it. Commands that know more (the
/// dataport's format, the option that carried a field) say more (``FormatExplanation``).
enum StatusExplanations {
    private static let common = ["invalid", "restricted", "noauth", "locked"]

    /// The statuses other than `ok` each procedure can answer (rpc.md and the embedded platform).
    static let documented: [String: [String]] = [
        "read": common, "write": common, "writegroup": common, "record": common, "recordbatch": common,
        "flush": common, "create": common + ["limit"], "move": common + ["limit"], "update": common,
        "wait": common + ["expire"], "info": common, "listing": common + ["error"], "drop": common,
        "usage": common, "unmap": common, "lookup": common + ["notfound"], "share": common + ["limit"],
        "revoke": common, "activate": common, "deactivate": common, "map": common + ["inuse"],
        "tag": common, "comment": common, "grant": common,
    ]

    /// The explanation of `status` for `procedure`, or nil for a status it does not know.
    static func generic(procedure: String, status: String) -> String? {
        switch status {
        case "invalid", "badarg", "error": return invalid(procedure)
        case "restricted": return "the resource is outside what these credentials reach: use a path under your client, or 'auth' as its owner"
        case "noauth": return "these credentials may not \(procedure) that: 'auth' as the client that owns it"
        case "locked": return "the client is locked: its owner can unlock it ('update CLIENT --json {\"locked\": false}')"
        case "limit": return "a limit of the owning client is reached: 'info CLIENT --include usage' shows its use, 'update' raises its limits"
        case "inuse": return "that alias already names another resource: 'lookup ALIAS' shows which, 'unmap ALIAS' frees it"
        case "notfound": return "nothing has that name here: 'ls' lists what is here"
        case "expire": return "no point arrived in time: wait longer with --timeout"
        default: return nil
        }
    }

    private static func invalid(_ procedure: String) -> String {
        switch procedure {
        case "write", "writegroup", "record", "recordbatch":
            return "a value does not fit the dataport's format: 'info RES --include description' shows the format"
        case "flush", "read":
            return "a time is not valid: use unix seconds, -7d, now or ISO 8601"
        case "create", "update":
            return "a description field is not valid: 'help \(procedure)' lists each option and its values"
        case "revoke", "activate", "deactivate":
            return "the code or CIK is not known, or already used: 'info RES --include shares' lists share codes"
        case "lookup":
            return "nothing is known by that alias, RID or code: check it, or 'ls' for names"
        case "map", "unmap":
            return "the alias or resource is not valid here: an alias is text, the resource a path under your client"
        case "move":
            return "the resource cannot move there: the new owner must be a client under yours, not the resource itself or below it"
        case "share", "grant":
            return "the resource or its options are not valid: 'help \(procedure)' says what each takes"
        default:
            return "the platform found an argument of \(procedure) invalid: 'help' for the command says what each takes"
        }
    }
}

/// Says why a value was refused, knowing the dataport's format: `'humidity' is an integer
/// dataport: 3.7 is not a whole number`.
enum FormatExplanation {
    /// The reason `text` does not fit `format`, or nil when it fits (the refusal was for another reason).
    static func misfit(_ text: String, format: String) -> String? {
        guard let reason = reason(text, format: format) else { return nil }
        return Double(text) != nil ? "\(text) \(reason)" : "'\(text)' \(reason)"
    }

    /// Why `text` does not fit `format` (`is not a whole number`), or nil when it fits.
    static func reason(_ text: String, format: String) -> String? {
        switch format {
        case "integer":
            if Int(text) != nil { return nil }
            return Double(text) != nil ? "is not a whole number" : "is not a number"
        case "float":
            return Double(text) != nil ? nil : "is not a number"
        default:
            return nil
        }
    }

    /// Why `text` does not fit the resource `name` of `format`, or nil when it fits.
    static func forResource(_ text: String, name: String, format: String) -> String? {
        guard let misfit = misfit(text, format: format) else { return nil }
        return "'\(name)' is \(ResourceFacts.withArticle(format + " dataport")): \(misfit)"
    }
}
