import GRDB

/// `/provision/manage/model/<model>/<sn>`: one serial number and the client enabled for it.
enum SerialNumberHandler {
    static func handle(_ context: ProvisionContext, model name: String, sn: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        switch context.method {
        case "GET":
            let serial = try visible(context, access, sn)
            switch context.fields["show"] {
            case "groups":
                try access.requireOwner()
                let page = try Page(context.fields)
                return .csv(try GroupStore.containing(context.db, model: access.model.id, type: "sn", member: sn, page: page))
            case "log":
                return .csv(rows: try SerialStore.logRows(context.db, serial: serial.id))
            case nil, "":
                let status = try SerialStore.status(context.db, serial)
                let extra = access.isOwner ? serial.extra : ""
                return .csvRecord([status.rawValue, try SerialStore.rid(context.db, serial), extra])
            case let other?:
                throw ProvisionFailure.badRequest("unknown show=\(other)")
            }
        case "POST":
            return try SerialLifecycle(context: context, access: access).change(sn)
        case "DELETE":
            try access.requireOwner()
            try SerialStore.remove(context.db, model: access.model.id, sn: sn)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("model/<model>/<sn> takes GET, POST or DELETE")
        }
    }

    /// The serial number, which a vendor using a shared model sees only when it enabled it.
    static func visible(_ context: ProvisionContext, _ access: ModelAccess, _ sn: String) throws -> SerialNumber {
        guard let serial = try SerialStore.existing(context.db, model: access.model.id, sn: sn),
            access.isOwner || serial.enabledBy == access.caller.name
        else { throw ProvisionFailure.notFound("unknown serial number \(sn)") }
        return serial
    }
}
