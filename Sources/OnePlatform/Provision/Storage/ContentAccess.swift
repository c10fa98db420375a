import GRDB

/// Which content a serial number may download: everything unprotected, and protected content
/// that shares a group with it (directly or through nested groups).
enum ContentAccess {
    static func isAuthorized(_ db: Database, model: Int64, content: ContentEntry, sn: String, now: Int) throws -> Bool {
        guard content.isProtected else { return true }
        let snGroups = try GroupStore.enclosing(db, model: model, type: "sn", member: sn, now: now)
        guard !snGroups.isEmpty else { return false }
        let contentGroups = try GroupStore.enclosing(db, model: model, type: "content", member: content.name, now: now)
        return !snGroups.isDisjoint(with: contentGroups)
    }

    static func authorizedNames(_ db: Database, model: Int64, sn: String, now: Int) throws -> [String] {
        try ContentStore.entries(db, model: model).filter { try isAuthorized(db, model: model, content: $0, sn: sn, now: now) }.map(\.name)
    }
}
