import GRDB

/// The two endpoints devices call: `/provision/activate` and `/provision/download`.
enum DeviceHandler {
    /// Hands a freshly enabled client's CIK to the device, once.
    static func activate(_ context: ProvisionContext) throws -> ProvisionResponse {
        guard context.method == "POST" else { throw ProvisionFailure.methodNotAllowed("activate takes POST") }
        let fields = context.fields
        let vendorName = try fields.required("vendor")
        let modelName = try fields.required("model")
        let sn = try fields.required("sn")
        guard let model = try ModelStore.model(context.db, vendor: vendorName, name: modelName),
            let serial = try SerialStore.existing(context.db, model: model.id, sn: sn)
        else { throw ProvisionFailure.notFound("no serial number \(sn) in model \(modelName) of vendor \(vendorName)") }
        guard let clientID = serial.clientID, let client = try ResourceRecord.fetch(context.db, id: clientID),
            client.status == .notactivated, let cik = client.cik
        else {
            throw ProvisionFailure.conflict(
                "serial number \(sn) is not enabled for activation: enable it, or regenerate its CIK to activate it again")
        }
        try context.db.execute(sql: "UPDATE resource SET status = 'activated', modified = ? WHERE id = ?", arguments: [context.now, clientID])
        try SerialStore.log(
            context.db, serial: serial.id, now: context.now, connection: context.request.remoteAddress,
            entry: "model=\(modelName)&vendor=\(vendorName)&sn=\(sn)")
        return .text(cik)
    }

    /// Lists, describes or downloads the content an activated device may have.
    static func download(_ context: ProvisionContext) throws -> ProvisionResponse {
        guard context.method == "GET" else { throw ProvisionFailure.methodNotAllowed("download takes GET") }
        let device = try VendorAuthenticator.client(context.request, in: context.db)
        let fields = context.fields
        let vendorName = try fields.required("vendor")
        let modelName = try fields.required("model")
        guard let model = try ModelStore.model(context.db, vendor: vendorName, name: modelName),
            let (modelID, serial) = try SerialStore.serial(context.db, client: device.key), modelID == model.id
        else { throw ProvisionFailure.forbidden("this device has no serial number in model \(modelName) of vendor \(vendorName)") }
        guard let id = fields["id"], !id.isEmpty else {
            return .csv(try ContentAccess.authorizedNames(context.db, model: model.id, sn: serial.sn, now: context.now))
        }
        guard let entry = try ContentStore.entry(context.db, model: model.id, name: id) else {
            throw ProvisionFailure.notFound("unknown content \(id)")
        }
        guard try ContentAccess.isAuthorized(context.db, model: model.id, content: entry, sn: serial.sn, now: context.now) else {
            throw ProvisionFailure.forbidden("serial number \(serial.sn) may not download \(id)")
        }
        if fields.flag("info") {
            return .csvRecord([entry.contentType, String(entry.size), String(entry.updated), entry.meta])
        }
        return try ContentDownload.response(context, entry)
    }
}
