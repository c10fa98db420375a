import GRDB

/// Enabling, remapping, regenerating and disabling the client of a serial number.
struct SerialLifecycle {
    let context: ProvisionContext
    let access: ModelAccess

    private var db: Database { context.db }

    func change(_ sn: String) throws -> ProvisionResponse {
        let fields = context.fields
        if fields.flag("disable") { return try disable(sn) }
        guard fields.flag("enable") else { throw ProvisionFailure.badRequest("send enable=true or disable=true") }
        if let owner = fields["owner"] { return try enable(sn, owner: owner) }
        if let old = fields["oldsn"] { return try remap(old, to: sn) }
        return try regenerate(sn)
    }

    /// Copies the model's template under `owner` and binds the copy to the serial number.
    private func enable(_ sn: String, owner ownerRID: String) throws -> ProvisionResponse {
        let serial = try existing(sn)
        guard serial.clientID == nil else {
            throw ProvisionFailure.conflict(
                "serial number \(sn) already has a client: regenerate its CIK, or remove and add it again to start over")
        }
        guard let rid = Identifiers.canonical(ownerRID), let owner = try ResourceRecord.fetch(db, rid: rid), owner.type == .client,
            let top = try ResourceRecord.fetch(db, id: access.caller.clientID), try ResourceRecord.isWithin(db, owner, of: top)
        else { throw ProvisionFailure.badRequest("owner must be a client below the vendor's client") }
        let template: ResourceRecord
        do {
            template = try TemplateResolver.client(access.model.template, vendor: try templateVendor(), in: db)
        } catch let failure as ProvisionFailure {
            throw ProvisionFailure.conflict("the model's template is not available: \(failure.reason)")
        }
        let options = access.model.options
        let copier = SubtreeCopier(aliases: !options.noAliases, historical: !options.noHistorical, comments: !options.noComments)
        let client: ResourceRecord
        do {
            client = try copier.copy(template, under: owner, in: db, now: context.now)
        } catch is CallFailure {
            throw ProvisionFailure.conflict("the owner has no room for another client of this model: raise its client limit or pick another owner")
        }
        try SerialStore.bind(db, serial: serial.id, client: client.key, enabledBy: access.caller.name)
        try SerialStore.log(db, serial: serial.id, now: context.now, connection: context.request.remoteAddress, entry: "enabled owner=\(owner.rid)")
        return .text(client.rid, type: ProvisionResponse.csvType)
    }

    /// Moves the client of `old` to `sn`; the device must activate again under its new number.
    private func remap(_ old: String, to sn: String) throws -> ProvisionResponse {
        let source = try owned(old)
        guard let clientID = source.clientID else { throw ProvisionFailure.conflict("serial number \(old) has no client: enable it first") }
        let target = try existing(sn)
        guard target.clientID == nil else {
            throw ProvisionFailure.conflict(
                "serial number \(sn) already has a client: regenerate its CIK, or remove and add it again to start over")
        }
        try SerialStore.bind(db, serial: source.id, client: nil, enabledBy: nil)
        try SerialStore.bind(db, serial: target.id, client: clientID, enabledBy: access.caller.name)
        try reissue(clientID)
        try SerialStore.log(db, serial: target.id, now: context.now, connection: context.request.remoteAddress, entry: "remapped from \(old)")
        return .reset
    }

    /// A new CIK for the client; the old one stops working and the device may activate again.
    private func regenerate(_ sn: String) throws -> ProvisionResponse {
        let serial = try owned(sn)
        guard let clientID = serial.clientID else {
            throw ProvisionFailure.conflict("serial number \(sn) has no client to regenerate: enable it first")
        }
        try reissue(clientID)
        try SerialStore.log(db, serial: serial.id, now: context.now, connection: context.request.remoteAddress, entry: "regenerated")
        return .reset
    }

    private func disable(_ sn: String) throws -> ProvisionResponse {
        let serial = try owned(sn)
        guard let clientID = serial.clientID else {
            throw ProvisionFailure.conflict("serial number \(sn) has no client to disable: it was never enabled")
        }
        try db.execute(sql: "UPDATE resource SET status = 'expired', modified = ? WHERE id = ?", arguments: [context.now, clientID])
        try SerialStore.log(db, serial: serial.id, now: context.now, connection: context.request.remoteAddress, entry: "disabled")
        return .reset
    }

    private func reissue(_ clientID: Int64) throws {
        try db.execute(
            sql: "UPDATE resource SET cik = ?, status = 'notactivated', modified = ? WHERE id = ?",
            arguments: [Identifiers.random(), context.now, clientID])
    }

    private func existing(_ sn: String) throws -> SerialNumber {
        guard let serial = try SerialStore.existing(db, model: access.model.id, sn: sn) else {
            throw ProvisionFailure.notFound("unknown serial number \(sn)")
        }
        return serial
    }

    /// A serial number whose client the caller may change: any for the owner, its own otherwise.
    private func owned(_ sn: String) throws -> SerialNumber {
        try SerialNumberHandler.visible(context, access, sn)
    }

    private func templateVendor() throws -> Vendor {
        guard let owner = try VendorStore.vendor(db, named: access.model.vendorName) else {
            throw ProvisionFailure.notFound("the model's vendor is gone")
        }
        return owner
    }
}
