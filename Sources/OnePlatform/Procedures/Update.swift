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
        // A script given its rule again starts again from the top, even with the same source: how
        // a client restarts a script (exoline's `script` uploads the same file to do so).
        let ruleRestarts =
            target.description["rule"] != description["rule"] || (target.type == .datarule && input["rule"]?["script"] != nil)
        let retention = Retention(description)
        let retentionTightened = retention != Retention(target.description) && !retention.isUnlimited
        target.description = description
        target.subscribeID = try CreateProcedure.subscriptionID(description, in: context)
        target.modified = context.now
        try target.update(context.db)
        // A tighter retention drops what it no longer keeps now rather than at the next write.
        if retentionTightened { try retention.prune(context.db, resource: target.key, now: context.now) }
        if ruleRestarts { try ResourceStart.begin(target, in: context.db, now: context.now, changes: context.changes) }
        // Setting a bucket limit again refills it, even to the same number.
        if target.type == .client { try ConsumableBucket(db: context.db).fill(target, limits: input["limits"]) }
        return nil
    }
}
