import GRDB

/// Limits on a move: what a moved subtree costs is decided by the counts after the move, not by
/// adding an amount, because a client above both the old and the new place may already pay for it.
extension LimitLedger {
    /// A client that pays for what another holds of one type, with its usage of that type.
    struct Charge {
        let client: ResourceRecord
        let type: String
        let limit: Int
        let used: Int
    }

    /// For each counted type, the client whose number bounds what `client` holds: the client
    /// itself, or through `"inherit"` the nearest owner with a number. None when the chain reaches
    /// the root still inheriting, which means no bound.
    func charges(of client: ResourceRecord) throws -> [Charge] {
        var result: [Charge] = []
        for type in Self.countedTypes {
            var node = client
            while true {
                if case .count(let number) = Self.limit(of: node, type) {
                    result.append(Charge(client: node, type: type, limit: number, used: try usage(node)[type, default: 0]))
                    break
                }
                guard let parentID = node.parentID, let parent = try ResourceRecord.fetch(db, id: parentID) else { break }
                node = parent
            }
        }
        return result
    }

    /// Fails with `limit` when a change took any of `charges` past its limit. A client already past
    /// its limit before the change (limits lowered by hand in the database, say) only fails when
    /// the change added to it.
    func ensureNoneGrewPastLimit(_ charges: [Charge]) throws {
        for charge in charges {
            let now = try usage(charge.client)[charge.type, default: 0]
            guard now <= charge.limit || now <= charge.used else { throw CallFailure.status(.limit) }
        }
    }
}
