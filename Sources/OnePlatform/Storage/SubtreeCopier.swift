import GRDB
import OnePJSON

/// Deep copy of a client and everything below it, for `create clone` and provisioning's enable.
///
/// Every copied resource gets a fresh RID (and clients a fresh CIK). References between resources
/// inside the copied subtree (subscriptions, RIDs inside descriptions, aliases) are rewritten to
/// point at the copies; references to resources outside the subtree are kept as they are.
struct SubtreeCopier {
    /// Copy the aliases the copied clients made.
    var aliases = true
    /// Copy the stored points of dataports and datarules.
    var historical = true
    /// Copy the comments left on the copied resources (provisioning's `nocomments` turns this off).
    var comments = true

    /// Copies `template` under `owner` and returns the new top client, whose CIK starts
    /// `notactivated` so that its owner (or a device, through provisioning) activates it.
    ///
    /// - Throws: the `limit` call failure when the owner has no room for the copy.
    func copy(_ template: ResourceRecord, under owner: ResourceRecord, in db: Database, now: Int) throws -> ResourceRecord {
        // The owner must have room for one more client with the template's limits; what lies
        // inside the template was admitted under those limits already.
        try LimitLedger(db: db).admit(.client, description: template.description, under: owner)
        let originals = try subtree(of: template, in: db)
        var newIDs: [Int64: Int64] = [:]
        var newRIDs: [String: String] = [:]
        for original in originals { newRIDs[original.rid] = Identifiers.random() }
        var top: ResourceRecord?
        var copies: [ResourceRecord] = []
        for original in originals {
            var copy = original
            copy.id = nil
            copy.rid = newRIDs[original.rid] ?? Identifiers.random()
            copy.parentID = original.key == template.key ? owner.key : original.parentID.flatMap { newIDs[$0] }
            copy.cik = original.type == .client ? Identifiers.random() : nil
            copy.status = original.key == template.key ? .notactivated : original.status
            copy.description = Self.rewrite(original.description, newRIDs)
            copy.subscribeID = original.subscribeID.map { newIDs[$0] ?? $0 }
            copy.created = now
            copy.modified = now
            try copy.insert(db)
            copies.append(copy)
            newIDs[original.key] = copy.key
            if original.key == template.key { top = copy }
        }
        if historical { try copyPoints(newIDs, in: db) }
        if aliases { try copyAliases(newIDs, in: db) }
        if comments { try copyComments(newIDs, in: db) }
        // Started once their history is there: a start that stores a point (a script that logs
        // its syntax error) adds to the copied second rather than colliding with it.
        for copy in copies { try ResourceStart.begin(copy, in: db, now: now) }
        guard let top else { throw CopyFailure() }
        return top
    }

    /// The subtree in breadth-first order, so every parent comes before its children.
    private func subtree(of root: ResourceRecord, in db: Database) throws -> [ResourceRecord] {
        var ordered = [root]
        var index = 0
        while index < ordered.count {
            let current = ordered[index]
            index += 1
            if current.type == .client { ordered += try ResourceRecord.children(db, of: current.key) }
        }
        return ordered
    }

    private func copyPoints(_ newIDs: [Int64: Int64], in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO point (resource_id, timestamp, value) SELECT ?, timestamp, value FROM point WHERE resource_id = ?")
        for (old, new) in newIDs { try statement.execute(arguments: [new, old]) }
    }

    private func copyAliases(_ newIDs: [Int64: Int64], in db: Database) throws {
        for (old, new) in newIDs {
            for alias in try AliasRecord.all(db, client: old) {
                guard let target = newIDs[alias.targetID] else { continue }
                var copy = AliasRecord(id: nil, clientID: new, alias: alias.alias, targetID: target)
                try copy.insert(db)
            }
        }
    }

    /// Each comment on a copied resource goes to its copy. One left by a client of the subtree is
    /// the copy's comment; one left from outside keeps its author, as that client still exists.
    private func copyComments(_ newIDs: [Int64: Int64], in db: Database) throws {
        for (old, new) in newIDs {
            let rows = try Row.fetchAll(
                db, sql: "SELECT client_id, visibility, text FROM comment WHERE resource_id = ? ORDER BY id", arguments: [old])
            for row in rows {
                let author: Int64 = row["client_id"]
                let visibility: String = row["visibility"]
                let text: String = row["text"]
                try db.execute(
                    sql: "INSERT INTO comment (resource_id, client_id, visibility, text) VALUES (?, ?, ?, ?)",
                    arguments: [new, newIDs[author] ?? author, visibility, text])
            }
        }
    }

    /// A description with every RID of the copied subtree replaced by the RID of its copy.
    ///
    /// RIDs sit in several places (`subscribe`, preprocess operands, rule inputs), so the whole
    /// serialized description is rewritten rather than each known key.
    private static func rewrite(_ description: JSONObject, _ newRIDs: [String: String]) -> JSONObject {
        var text = JSON.object(description).serialized()
        var changed = false
        for (old, new) in newRIDs where text.contains(old) {
            text = text.replacingAll(old, with: new)
            changed = true
        }
        guard changed, let rewritten = (try? JSON(parsing: text))?.objectValue else { return description }
        return rewritten
    }

    /// The template vanished between reading and copying; cannot happen inside one transaction.
    struct CopyFailure: Error {}
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
