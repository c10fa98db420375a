import GRDB
import OnePJSON

/// `activate` and `deactivate`: turning client keys and share codes on and off.
enum ActivationProcedures {
    /// A client key goes from notactivated to activated; a share code gains its one activator.
    static func activate(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        let call = try CodeArguments(arguments, in: context)
        switch call.kind {
        case .client:
            var holder = try call.keyHolder(in: context)
            guard holder.status == .notactivated else { throw CallFailure.invalid }
            holder.status = .activated
            try holder.update(context.db)
        case .share:
            guard var share = try ShareRecord.fetch(context.db, code: try call.text()), share.activatorID == nil,
                try ShareRecord.held(context.db, resource: share.resourceID, by: call.client.key) == nil
            else { throw CallFailure.invalid }
            share.activatorID = call.client.key
            try share.update(context.db)
        }
        return nil
    }

    /// A client key expires for good; a share's activation by this client ends. A share may be
    /// named by its code or by the shared resource's RID.
    static func deactivate(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        let call = try CodeArguments(arguments, in: context)
        switch call.kind {
        case .client:
            var holder = try call.keyHolder(in: context)
            holder.status = .expired
            try holder.update(context.db)
        case .share:
            var share = try heldShare(call.text(), by: call.client, in: context)
            share.activatorID = nil
            try share.update(context.db)
        }
        return nil
    }

    private static func heldShare(_ code: String, by client: ResourceRecord, in context: CallContext) throws -> ShareRecord {
        if let share = try ShareRecord.fetch(context.db, code: code) {
            guard share.activatorID == client.key else { throw CallFailure.invalid }
            return share
        }
        guard let rid = Identifiers.canonical(code), let resource = try ResourceRecord.fetch(context.db, rid: rid),
            let share = try ShareRecord.held(context.db, resource: resource.key, by: client.key)
        else { throw CallFailure.invalid }
        return share
    }
}
