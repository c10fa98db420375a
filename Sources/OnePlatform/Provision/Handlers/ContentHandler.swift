import GRDB

/// `/provision/manage/content/<model>/[<id>]`: a model's content entries as the vendor sees them.
///
/// Uploads (`POST .../<id>` with the bytes as body) do not come here: the engine streams them
/// into the store with ``ContentUpload``.
enum ContentHandler {
    static func contents(_ context: ProvisionContext, model name: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        try access.requireOwner()
        let model = access.model.id
        switch context.method {
        case "GET":
            if let sn = context.fields["sn"], !sn.isEmpty {
                guard try SerialStore.existing(context.db, model: model, sn: sn) != nil else {
                    throw ProvisionFailure.badRequest("unknown serial number \(sn)")
                }
                return .csv(try ContentAccess.authorizedNames(context.db, model: model, sn: sn, now: context.now))
            }
            return .csv(try ContentStore.names(context.db, model: model))
        case "POST":
            let id = try context.fields.required("id")
            if context.fields.flag("delete") {
                try ContentStore.delete(context.db, model: model, name: id)
                return .reset
            }
            try VendorName.validate(id, what: "content id")
            try ContentStore.create(
                context.db, model: model, name: id, meta: context.fields["meta"] ?? "", isProtected: context.fields.flag("protected"),
                now: context.now)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("content/<model>/ takes GET or POST")
        }
    }

    static func content(_ context: ProvisionContext, model name: String, id: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        try access.requireOwner()
        let model = access.model.id
        switch context.method {
        case "GET":
            guard let entry = try ContentStore.entry(context.db, model: model, name: id) else {
                throw ProvisionFailure.notFound("unknown content \(id)")
            }
            return try read(context, model: model, entry)
        case "DELETE":
            try ContentStore.delete(context.db, model: model, name: id)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("content/<model>/<id> takes GET, POST or DELETE")
        }
    }

    private static func read(_ context: ProvisionContext, model: Int64, _ entry: ContentEntry) throws -> ProvisionResponse {
        let fields = context.fields
        if fields["show"] == "groups" {
            return .csv(try GroupStore.containing(context.db, model: model, type: "content", member: entry.name, page: try Page(fields)))
        }
        var forDevice = false
        if let sn = fields["sn"], !sn.isEmpty {
            guard try SerialStore.existing(context.db, model: model, sn: sn) != nil,
                try ContentAccess.isAuthorized(context.db, model: model, content: entry, sn: sn, now: context.now)
            else { throw ProvisionFailure.badRequest("serial number \(sn) may not download \(entry.name)") }
            forDevice = true
        }
        if fields.flag("download") { return try ContentDownload.response(context, entry) }
        var info = [entry.contentType, String(entry.size), String(entry.updated), entry.meta]
        if !forDevice { info.append(String(entry.isProtected)) }
        return .csvRecord(info)
    }
}
