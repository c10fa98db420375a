import GRDB
import OnePJSON

/// `drop`: deletes a resource below the caller, with everything under it.
///
/// The schema cascades the delete to descendants, their aliases and their points.
enum DropProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(1)
        let target = try context.resource(try arguments.required(0, "resource"))
        guard target.key != context.caller.key else { throw CallFailure.restricted }
        try LifespanStore.closeSubtree(context.db, of: target, at: context.now)
        _ = try target.delete(context.db)
        return nil
    }
}
