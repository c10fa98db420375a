import GRDB

/// Finds the client a request acts as.
enum Authenticator {
    /// The acting client and the client whose key was presented.
    struct Principal {
        let caller: ResourceRecord
        /// Whether the acting client or the key's own client is locked, which locks every call.
        let isLocked: Bool

        init(caller: ResourceRecord, keyHolder: ResourceRecord) {
            self.caller = caller
            isLocked = caller.isLocked || keyHolder.isLocked
        }
    }

    static func authenticate(_ auth: AuthForm, in db: Database) throws -> Principal {
        switch auth {
        case .cik(let cik, let acting):
            return try authenticate(cik: cik, acting: acting, in: db)
        case .token:
            // Tokens come from `grant`, which a later issue implements; until then none is valid.
            throw RequestError.unauthorized("token authentication is not available yet")
        }
    }

    private static func authenticate(cik: String, acting: AuthForm.ActingAs, in db: Database) throws -> Principal {
        guard let holder = try ResourceRecord.fetch(db, cik: cik.lowercased()), holder.type == .client else {
            throw RequestError.unauthorized("unknown CIK")
        }
        guard holder.status == .activated else {
            throw RequestError.unauthorized("CIK is \(holder.status.rawValue)")
        }
        switch acting {
        case .itself:
            return Principal(caller: holder, keyHolder: holder)
        case .client(let rid):
            guard let client = try descendant(rid, of: holder, in: db), client.type == .client else {
                throw RequestError.unauthorized("client_id is not a client below this CIK")
            }
            return Principal(caller: client, keyHolder: holder)
        case .ownerOf(let rid):
            guard let resource = try descendant(rid, of: holder, in: db), resource.key != holder.key,
                let ownerID = resource.parentID, let owner = try ResourceRecord.fetch(db, id: ownerID)
            else {
                throw RequestError.unauthorized("resource_id is not a resource below this CIK")
            }
            return Principal(caller: owner, keyHolder: holder)
        }
    }

    private static func descendant(_ rid: String, of holder: ResourceRecord, in db: Database) throws -> ResourceRecord? {
        guard let canonical = Identifiers.canonical(rid), let resource = try ResourceRecord.fetch(db, rid: canonical),
            try ResourceRecord.isWithin(db, resource, of: holder)
        else { return nil }
        return resource
    }
}
