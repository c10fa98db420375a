import GRDB
import OnePJSON

/// `move`: `[resource, destination, {"aliases": bool}]` puts a resource under another client.
///
/// Both ends must lie in the caller's reach; the caller cannot move itself, and nothing moves
/// into itself or below itself. Clients above the old place that are not above the new one lose
/// their aliases of the moved resources; with `aliases` (the default) the destination maps each
/// such name to the same resource when the name is free there. The destination (or, through
/// `"inherit"`, its owners) must have room for what moves: a move that would take any of them past
/// a count limit answers `limit` and, like every failed call, changes nothing.
enum MoveProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let moving = try context.resource(try arguments.required(0, "resource"))
        let destination = try context.resource(try arguments.required(1, "destination"))
        let options = try arguments.options(2)
        var keepAliases = true
        if let value = options["aliases"] {
            guard let flag = value.boolValue else { throw CallFailure.invalid }
            keepAliases = flag
        }
        guard moving.key != context.caller.key else { throw CallFailure.restricted }
        guard destination.type == .client, try !ResourceRecord.isWithin(context.db, destination, of: moving) else {
            throw CallFailure.invalid
        }
        guard moving.parentID != destination.key else { return nil }
        let oldAncestors = try ancestors(of: moving, in: context.db)
        let newAncestors = try [destination.key] + ancestors(of: destination, in: context.db)
        let ledger = LimitLedger(db: context.db)
        let charges = try ledger.charges(of: destination)
        let lost = oldAncestors.filter { !newAncestors.contains($0) }
        try LifespanStore.move(context.db, moving, to: destination.key, at: context.now)
        var moved = moving
        moved.parentID = destination.key
        try moved.update(context.db)
        context.ancestry.forget()
        try rehome(aliasesOf: moving, heldBy: lost, to: keepAliases ? destination : nil, in: context.db)
        // Checked on the moved state: the call's savepoint undoes the move when it does not fit.
        try ledger.ensureNoneGrewPastLimit(charges)
        return nil
    }

    /// The row ids of the clients above `resource`, nearest first.
    private static func ancestors(of resource: ResourceRecord, in db: Database) throws -> [Int64] {
        var result: [Int64] = []
        var next = resource.parentID
        while let id = next {
            result.append(id)
            next = try Int64.fetchOne(db, sql: "SELECT parent_id FROM resource WHERE id = ?", arguments: [id])
        }
        return result
    }

    /// Removes the aliases that clients in `holders` have for the moved subtree, re-making each
    /// under `destination` when given and the name is free there.
    private static func rehome(aliasesOf moving: ResourceRecord, heldBy holders: [Int64], to destination: ResourceRecord?, in db: Database) throws {
        guard !holders.isEmpty else { return }
        let marks = holders.map { _ in "?" }.joined(separator: ", ")
        let arguments = StatementArguments([moving.key]) + StatementArguments(holders)
        let rows = try AliasRecord.fetchAll(
            db,
            sql: """
                WITH RECURSIVE below(id) AS (
                    SELECT ? UNION ALL SELECT r.id FROM resource r JOIN below b ON r.parent_id = b.id)
                SELECT a.* FROM alias a JOIN below b ON a.target_id = b.id WHERE a.client_id IN (\(marks)) ORDER BY a.id
                """,
            arguments: arguments)
        for alias in rows {
            _ = try alias.delete(db)
            guard let destination, try AliasRecord.fetch(db, client: destination.key, alias: alias.alias) == nil else { continue }
            var remade = AliasRecord(id: nil, clientID: destination.key, alias: alias.alias, targetID: alias.targetID)
            try remade.insert(db)
        }
    }
}
