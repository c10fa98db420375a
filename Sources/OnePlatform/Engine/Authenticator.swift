import GRDB

/// Finds the client a request acts as.
enum Authenticator {
    /// The acting client and the client whose key was presented.
    struct Principal {
        let caller: ResourceRecord
        /// Whether the acting client or the key's own client is locked, which locks every call.
        let isLocked: Bool
        /// The procedures a token may call per RID; nil for a CIK, which may do anything.
        let grant: [String: Set<String>]?

        init(caller: ResourceRecord, keyHolder: ResourceRecord, grant: [String: Set<String>]? = nil) {
            self.caller = caller
            isLocked = caller.isLocked || keyHolder.isLocked
            self.grant = grant
        }
    }

    static func authenticate(_ auth: AuthForm, in db: Database, now: Int) throws -> Principal {
        switch auth {
        case .cik(let cik, let acting):
            return try authenticate(cik: cik, acting: acting, in: db)
        case .token(let token, let clientID):
            return try authenticate(token: token, clientID: clientID, in: db, now: now)
        }
    }

    /// A token acts as the client it was granted for, or with `client_id` as a client below it.
    private static func authenticate(token: String, clientID: String?, in db: Database, now: Int) throws -> Principal {
        guard let record = try TokenRecord.fetch(db, token: token), let granted = try ResourceRecord.fetch(db, id: record.clientID)
        else { throw RequestError.unauthorized("unknown token") }
        if let expires = record.expires, now >= expires { throw RequestError.unauthorized("token has expired") }
        var caller = granted
        if let clientID {
            guard let client = try descendant(clientID, of: granted, in: db), client.type == .client else {
                throw RequestError.unauthorized("client_id is not a client below this token's client")
            }
            caller = client
        }
        return Principal(caller: caller, keyHolder: granted, grant: record.permissions)
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
