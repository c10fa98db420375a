import GRDB
import OnePJSON

/// `update`: merges new description values into a resource below the caller.
enum UpdateProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(2)
        var target = try context.resource(try arguments.required(0, "resource"))
        let input = try arguments.object(1, "description")
        // Nothing may change its own description, so a client cannot raise its own limits.
        guard target.key != context.caller.key else { throw CallFailure.restricted }
        let owner = try ResourceRecord.fetch(context.db, id: target.parentID ?? -1) ?? context.caller
        let normalizer = DescriptionNormalizer(type: target.type) { identifier in
            try Subscription.target(identifier, relativeTo: owner, in: context).rid
        }
        let description = try normalizer.updating(target.description, with: input)
        if target.type == .client { try LimitLedger(db: context.db).admitUpdate(of: target, to: description) }
        let ruleChanged = target.description["rule"] != description["rule"]
        target.description = description
        target.subscribeID = try CreateProcedure.subscriptionID(description, in: context)
        target.modified = context.now
        try target.update(context.db)
        if ruleChanged { try ResourceStart.begin(target, in: context.db, now: context.now) }
        return nil
    }
}
