import GRDB
import OnePJSON

/// `create` with type `clone`: a deep copy of a client the caller can reach, placed under `parent`.
///
/// The options name the source (`rid`, or a share `code` nobody has activated) and whether aliases
/// and historical points come along. The copy's CIK starts `notactivated`.
enum CloneProcedure {
    static func run(_ context: CallContext, parent: ResourceRecord, options: JSONObject) throws -> JSON? {
        for key in options.keys where !["rid", "code", "noaliases", "nohistorical"].contains(key) {
            throw CallFailure.arguments("clone takes rid or code, noaliases and nohistorical, not \(key)")
        }
        let copier = SubtreeCopier(
            aliases: !(try flag(options, "noaliases")), historical: !(try flag(options, "nohistorical")))
        let source = try template(context, options)
        guard source.type == .client else { throw CallFailure.invalid }
        let copy = try copier.copy(source, under: parent, in: context.db, now: context.now)
        return .string(copy.rid)
    }

    private static func template(_ context: CallContext, _ options: JSONObject) throws -> ResourceRecord {
        switch (options["rid"], options["code"]) {
        case (let rid?, nil):
            guard rid.stringValue != nil else { throw CallFailure.arguments("clone rid must be a string") }
            return try context.resource(rid)
        case (nil, let code?):
            guard let text = code.stringValue else { throw CallFailure.arguments("clone code must be a string") }
            guard let client = try ShareCodeTemplate.client(context.db, code: text) else { throw CallFailure.invalid }
            return client
        default:
            throw CallFailure.arguments("clone needs exactly one of rid and code")
        }
    }

    private static func flag(_ options: JSONObject, _ key: String) throws(CallFailure) -> Bool {
        guard let value = options[key] else { return false }
        guard let bool = value.boolValue else { throw .arguments("clone option \(key) must be true or false") }
        return bool
    }
}
