import GRDB

/// A client named by a share code that nobody has activated yet, as clones and models may use
/// in place of a RID.
enum ShareCodeTemplate {
    static func client(_ db: Database, code: String) throws -> ResourceRecord? {
        guard let share = try ShareRecord.fetch(db, code: code), share.activatorID == nil,
            let resource = try ResourceRecord.fetch(db, id: share.resourceID), resource.type == .client
        else { return nil }
        return resource
    }
}
