import GRDB
import OnePJSON

/// `flush`: removes points from a resource, all of them or those strictly between two bounds.
enum FlushProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(2)
        let target = try context.resource(try arguments.required(0, "resource"))
        let options = try arguments.options(1)
        let newerThan = try bound(options["newerthan"])
        let olderThan = try bound(options["olderthan"])
        guard target.type.keepsPoints else { throw CallFailure.invalid }
        try PointStore.remove(context.db, resource: target.key, newerThan: newerThan, olderThan: olderThan)
        return nil
    }

    private static func bound(_ json: JSON?) throws -> Int? {
        guard let json, !json.isNull else { return nil }
        guard let seconds = json.timestampSeconds else { throw CallFailure.invalid }
        return seconds
    }
}
