import GRDB
import OnePJSON

/// `share`: a code that lets another client read a resource once it activates the code.
///
/// `[resource, {"meta": m}]` makes a new code. The meta of an existing share changes with
/// `[resource, {"meta": m, "code": c}]` (older clients say `"share"` for `"code"`) or with the
/// single argument `{"share": c, "meta": m}`; these answer the code unchanged.
enum ShareProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(2)
        if arguments.count == 1, let object = arguments[0]?.objectValue, object["alias"] == nil {
            guard let code = object["share"] ?? object["code"] else { throw CallFailure.arguments("a share update names its code") }
            return try changeMeta(code: code, meta: try meta(object["meta"]), of: nil, in: context)
        }
        let target = try context.resource(try arguments.required(0, "resource"))
        let options = try arguments.options(1)
        let meta = try meta(options["meta"])
        if let code = options["code"] ?? options["share"] {
            return try changeMeta(code: code, meta: meta, of: target, in: context)
        }
        try LimitLedger(db: context.db).ensureRoom(for: 1, of: "share", in: context.caller)
        var share = ShareRecord(
            id: nil, code: Identifiers.random(), resourceID: target.key, creatorID: context.caller.key, meta: meta,
            activatorID: nil, created: context.now)
        try share.insert(context.db)
        try ConsumptionStore.record(context.db, client: context.caller.key, metric: "share", at: context.now)
        return .string(share.code)
    }

    private static func meta(_ value: JSON?) throws -> String {
        guard let value else { return "" }
        guard let text = value.stringValue else { throw CallFailure.invalid }
        return text
    }

    /// Changes the meta of a share of a resource the caller reaches (of `resource` when given).
    private static func changeMeta(code: JSON, meta: String, of resource: ResourceRecord?, in context: CallContext) throws -> JSON {
        guard let text = code.stringValue else { throw CallFailure.arguments("a share code is a string") }
        guard var share = try ShareRecord.fetch(context.db, code: text) else { throw CallFailure.invalid }
        if let resource {
            guard share.resourceID == resource.key else { throw CallFailure.invalid }
        } else {
            guard let shared = try ResourceRecord.fetch(context.db, id: share.resourceID),
                try ResourceRecord.isWithin(context.db, shared, of: context.caller)
            else { throw CallFailure.restricted }
            try context.authorize(shared)
        }
        share.meta = meta
        try share.update(context.db)
        return .string(share.code)
    }
}
