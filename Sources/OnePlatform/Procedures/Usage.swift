import GRDB
import OnePJSON

/// `usage`: `[client, metric, starttime, endtime]`, what a client and its subhierarchy used.
///
/// An entity metric (client, dataport, datarule, dispatch) answers the sum, over each second of
/// [starttime, endtime), of how many such resources lay below the client then; seconds still to
/// come count nothing. A consumable (share, email, http, sms, xmpp) answers the amount used at
/// timestamps in [starttime, endtime].
enum UsageProcedure {
    static let entities: Set<String> = ["client", "dataport", "datarule", "dispatch"]

    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(4)
        let client = try context.client(try arguments.required(0, "client"))
        let metric = try arguments.string(1, "metric")
        let start = try time(arguments, 2, "starttime")
        let end = try time(arguments, 3, "endtime")
        guard start >= 0, end >= start else { throw CallFailure.invalid }
        if entities.contains(metric) {
            return .int(
                try LifespanStore.integrate(context.db, client: client.key, type: metric, start: start, end: end, now: context.now))
        }
        guard ConsumptionStore.metrics.contains(metric) else { throw CallFailure.invalid }
        return .int(try ConsumptionStore.total(context.db, client: client.key, metric: metric, start: start, end: end))
    }

    private static func time(_ arguments: Arguments, _ index: Int, _ name: String) throws -> Int {
        let value = try arguments.required(index, name)
        guard value.isNumber else { throw CallFailure.arguments("\(name) must be a number") }
        guard let seconds = value.timestampSeconds else { throw CallFailure.invalid }
        return seconds
    }
}
