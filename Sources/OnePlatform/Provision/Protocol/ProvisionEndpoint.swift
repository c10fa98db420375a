/// Which provisioning resource a path names. A trailing slash matters: `model/<m>` is the model,
/// `model/<m>/` its serial numbers.
enum ProvisionEndpoint: Equatable, Sendable {
    case register
    case authTokens
    case authToken(id: String)
    case models
    case model(String)
    case serialNumbers(model: String)
    case serialNumber(model: String, sn: String)
    case shares(model: String)
    case share(model: String, vendor: String)
    case contents(model: String)
    case content(model: String, id: String)
    case groups(model: String)
    case group(model: String, id: String)
    case groupMembers(model: String, id: String)
    case activate
    case download

    /// The endpoint of a path, or nil for a path the API does not have.
    init?(path: String) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map { FormFields.decodePathSegment($0) }
        guard segments.first == "" else { return nil }
        segments.removeFirst()
        guard segments.first == "provision", segments.count >= 2 else { return nil }
        let rest = Array(segments.dropFirst())
        switch rest[0] {
        case "register" where rest.count == 1 || rest == ["register", ""]: self = .register
        case "activate" where rest.count == 1 || rest == ["activate", ""]: self = .activate
        case "download" where rest.count == 1 || rest == ["download", ""]: self = .download
        case "admin":
            guard rest.count >= 2, rest[1] == "auth" else { return nil }
            switch rest.count {
            case 2: self = .authTokens
            case 3: self = rest[2].isEmpty ? .authTokens : .authToken(id: rest[2])
            default: return nil
            }
        case "manage":
            guard let endpoint = Self.manage(Array(rest.dropFirst())) else { return nil }
            self = endpoint
        default:
            return nil
        }
    }

    private static func manage(_ parts: [String]) -> ProvisionEndpoint? {
        guard let kind = parts.first else { return nil }
        let names = Array(parts.dropFirst())
        if kind == "model", names.isEmpty || names == [""] { return .models }
        guard let model = names.first, !model.isEmpty else { return nil }
        var tail = Array(names.dropFirst())
        // `<model>/` and `<model>` name the same collection for shares, content and groups.
        if kind != "model", tail == [""] { tail = [] }
        switch (kind, tail.count) {
        case ("model", 0): return .model(model)
        case ("model", 1): return tail[0].isEmpty ? .serialNumbers(model: model) : .serialNumber(model: model, sn: tail[0])
        case ("share", 0): return .shares(model: model)
        case ("share", 1): return .share(model: model, vendor: tail[0])
        case ("content", 0): return .contents(model: model)
        case ("content", 1): return .content(model: model, id: tail[0])
        case ("group", 0): return .groups(model: model)
        case ("group", 1): return .group(model: model, id: tail[0])
        case ("group", 2) where tail[1].isEmpty && !tail[0].isEmpty: return .groupMembers(model: model, id: tail[0])
        default: return nil
        }
    }
}

extension FormFields {
    /// A path segment with `%XX` escapes decoded (a `+` stays a plus in paths).
    static func decodePathSegment(_ segment: Substring) -> String {
        guard segment.contains("%") else { return String(segment) }
        let protected = segment.replacingPlus()
        return FormFields("x=" + protected)["x"] ?? String(segment)
    }
}

extension Substring {
    fileprivate func replacingPlus() -> String {
        String(self).split(separator: "+", omittingEmptySubsequences: false).joined(separator: "%2B")
    }
}
