import GRDB
import OnePJSON

/// `revoke`: a client gets a new CIK (the old one stops working at once), or a share code ends.
///
/// The new CIK starts notactivated; the owner activates it with `activate`.
enum RevokeProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        let call = try CodeArguments(arguments, in: context)
        switch call.kind {
        case .client:
            var holder = try call.keyHolder(in: context)
            holder.cik = Identifiers.random()
            holder.status = .notactivated
            try holder.update(context.db)
        case .share:
            guard let share = try ShareRecord.fetch(context.db, code: try call.text()),
                let shared = try ResourceRecord.fetch(context.db, id: share.resourceID)
            else { throw CallFailure.invalid }
            guard try ResourceRecord.isWithin(context.db, shared, of: call.client) else { throw CallFailure.status(.noauth) }
            _ = try share.delete(context.db)
        }
        return nil
    }
}
