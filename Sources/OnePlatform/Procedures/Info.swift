import GRDB
import OnePJSON

/// `info`: what the caller may know about a resource, section by section.
///
/// `[rid]`, `[rid, {}]` or `[rid, null]` ask for every section the caller may see; otherwise
/// exactly the sections set to true. A section that does not apply to the resource, or that the
/// caller may not see, is left out rather than failing the call.
enum InfoProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(2)
        let target = try context.resource(try arguments.required(0, "resource"))
        let options = try arguments.options(1)
        let relation = InfoRelation(of: context.caller, to: target)
        let wanted: [InfoSection]
        if options.isEmpty {
            wanted = InfoSection.allCases
        } else {
            wanted = InfoSection.allCases.filter { options[$0.rawValue]?.boolValue == true }
        }
        var result = JSONObject()
        let sections = InfoSections(context: context, target: target)
        for section in wanted where section.isVisible(to: relation) {
            if let value = try sections.value(of: section) { result[section.rawValue] = value }
        }
        return .object(result)
    }
}

/// Where the caller stands relative to the resource it asks about.
struct InfoRelation {
    let isSelf: Bool
    let isDirectOwner: Bool

    init(of caller: ResourceRecord, to target: ResourceRecord) {
        isSelf = caller.key == target.key
        isDirectOwner = target.parentID == caller.key
    }
}

/// The sections `info` can answer, in the order they appear.
enum InfoSection: String, CaseIterable {
    case aliases, basic, comments, counts, description, key, shares, storage, subscribers, tagged, tags, usage

    func isVisible(to relation: InfoRelation) -> Bool {
        switch self {
        case .key: return relation.isDirectOwner
        case .aliases, .shares, .tagged: return relation.isDirectOwner || relation.isSelf
        default: return true
        }
    }
}
