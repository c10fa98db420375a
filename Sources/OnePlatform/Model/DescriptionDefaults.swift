import OnePJSON

/// The documented description keys of each resource type and the values they take when omitted.
enum DescriptionDefaults {
    /// Client limit keys, in the order `info` shows them.
    static let limitKeys = [
        "client", "dataport", "datarule", "disk", "dispatch", "email", "email_bucket", "http", "http_bucket",
        "share", "sms", "sms_bucket", "xmpp", "xmpp_bucket",
    ]

    static let preprocessOperations: Set<String> = [
        "add", "sub", "mul", "div", "mod", "gt", "geq", "lt", "leq", "eq", "neq", "value",
    ]

    static let dispatchMethods: Set<String> = ["email", "http_get", "http_post", "http_put", "sms", "xmpp"]

    static var limits: JSONObject {
        JSONObject(limitKeys.map { ($0, JSON.int(0)) })
    }

    static var retention: JSONObject {
        ["count": "infinity", "duration": "infinity"]
    }

    /// The fields of each type in the order `info` answers them; a nil default means required.
    static func fields(of type: ResourceType) -> [DescriptionField] {
        switch type {
        case .client:
            return [.limits, .flag("locked"), .text("meta"), .text("name"), .flag("public")]
        case .dataport:
            return [.format, .text("meta"), .text("name"), .preprocess, .flag("public"), .retention, .subscribe]
        case .datarule:
            return [
                .format, .text("meta"), .text("name"), .preprocess, .flag("public"), .retention, .rule, .subscribe,
            ]
        case .dispatch:
            return [
                .flag("locked"), .text("message"), .text("meta"), .method, .text("name"), .preprocess,
                .flag("public"), .requiredText("recipient"), .retention, .text("subject"), .subscribe,
            ]
        }
    }

    /// The root client may do anything: its limits inherit from nobody, which means unlimited.
    static var rootClient: JSONObject {
        [
            "limits": .object(JSONObject(limitKeys.map { ($0, JSON.string("inherit")) })),
            "locked": false, "meta": "", "name": "root", "public": false,
        ]
    }
}

/// One documented key of a description and how its value is checked.
enum DescriptionField: Sendable {
    case text(String)
    case requiredText(String)
    case flag(String)
    case limits
    case retention
    case preprocess
    case subscribe
    case format
    case rule
    case method

    var key: String {
        switch self {
        case .text(let key), .requiredText(let key), .flag(let key): return key
        case .limits: return "limits"
        case .retention: return "retention"
        case .preprocess: return "preprocess"
        case .subscribe: return "subscribe"
        case .format: return "format"
        case .rule: return "rule"
        case .method: return "method"
        }
    }

    /// The value used when a create leaves the key out, or nil when the key is required.
    var defaultValue: JSON? {
        switch self {
        case .text: return ""
        case .flag: return false
        case .limits: return .object(DescriptionDefaults.limits)
        case .retention: return .object(DescriptionDefaults.retention)
        case .preprocess: return []
        case .subscribe: return .null
        case .requiredText, .format, .rule, .method: return nil
        }
    }
}
