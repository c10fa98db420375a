import GRDB
import OnePJSON

/// `comment` (deprecated but used): `[resource, "public" | "private", text]`.
///
/// A client keeps one comment per visibility on a resource; commenting again replaces it, which
/// is how Portals kept a dataport's unit up to date.
enum CommentProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let target = try context.resource(try arguments.required(0, "resource"))
        let visibility = try arguments.string(1, "visibility")
        let text = try arguments.string(2, "text")
        guard visibility == "public" || visibility == "private" else { throw CallFailure.invalid }
        try context.db.execute(
            sql: """
                INSERT INTO comment (resource_id, client_id, visibility, text) VALUES (?, ?, ?, ?)
                ON CONFLICT (resource_id, client_id, visibility) DO UPDATE SET text = excluded.text
                """,
            arguments: [target.key, context.caller.key, visibility, text])
        return nil
    }
}
