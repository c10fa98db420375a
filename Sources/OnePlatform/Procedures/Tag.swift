import GRDB
import OnePJSON

/// `tag`: `[resource, "add" | "remove", tag]`, the caller's own labels on a resource.
///
/// Adding a tag twice or removing one that is not there both answer `ok`.
enum TagProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let target = try context.resource(try arguments.required(0, "resource"))
        let action = try arguments.string(1, "action")
        let tag = try arguments.string(2, "tag")
        guard !tag.isEmpty else { throw CallFailure.invalid }
        switch action {
        case "add":
            try context.db.execute(
                sql: "INSERT OR IGNORE INTO tag (resource_id, client_id, tag) VALUES (?, ?, ?)",
                arguments: [target.key, context.caller.key, tag])
        case "remove":
            try context.db.execute(
                sql: "DELETE FROM tag WHERE resource_id = ? AND client_id = ? AND tag = ?",
                arguments: [target.key, context.caller.key, tag])
        default:
            throw CallFailure.invalid
        }
        return nil
    }
}
