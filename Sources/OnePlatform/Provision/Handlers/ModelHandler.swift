import GRDB

/// `/provision/manage/model/` and `/provision/manage/model/<model>`: a vendor's models.
enum ModelHandler {
    static func models(_ context: ProvisionContext) throws -> ProvisionResponse {
        let vendor = try context.vendor()
        switch context.method {
        case "GET":
            if context.fields["show"] == "shared" {
                return .csv(rows: try ModelStore.shared(context.db, with: vendor.name).map { [$0.vendor, $0.model] })
            }
            return .csv(try ModelStore.names(context.db, vendor: vendor.name))
        case "POST":
            let name = try context.fields.required("model")
            if context.fields.flag("delete") {
                guard let model = try ModelStore.model(context.db, vendor: vendor.name, name: name) else {
                    throw ProvisionFailure.notFound("unknown model \(name)")
                }
                try ModelStore.delete(context.db, id: model.id)
                return .reset
            }
            try VendorName.validate(name, what: "model name")
            let (template, options) = try definition(context, vendor: vendor)
            guard try ModelStore.model(context.db, vendor: vendor.name, name: name) == nil else {
                throw ProvisionFailure.conflict("model \(name) already exists: pick another name or delete it first")
            }
            try ModelStore.insert(context.db, vendor: vendor.name, name: name, template: template, options: options, now: context.now)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("model/ takes GET or POST")
        }
    }

    static func model(_ context: ProvisionContext, name: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        try access.requireOwner()
        switch context.method {
        case "GET":
            var fields: [String]
            switch access.model.template {
            case .rid(let rid): fields = ["rid=\(rid)"]
            case .code(let code): fields = ["code=\(code)"]
            }
            fields += access.model.options.words.map { "options[]=\($0)" }
            return .text(fields.joined(separator: "&"), type: "application/x-www-form-urlencoded; charset=utf-8")
        case "PUT":
            let (template, options) = try definition(context, vendor: access.caller)
            try ModelStore.update(context.db, id: access.model.id, template: template, options: options)
            return .reset
        case "DELETE":
            try ModelStore.delete(context.db, id: access.model.id)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("model/<model> takes GET, PUT or DELETE")
        }
    }

    /// The template and options of a create or update form.
    private static func definition(_ context: ProvisionContext, vendor: Vendor) throws -> (ModelTemplate, CloneOptions) {
        let options = try CloneOptions(words: context.fields.all("options"))
        let template: ModelTemplate
        switch (context.fields["rid"], context.fields["code"]) {
        case (let rid?, nil):
            guard let canonical = Identifiers.canonical(rid) else { throw ProvisionFailure.badRequest("rid must be 40 hex digits") }
            template = .rid(canonical)
        case (nil, let code?):
            template = .code(code)
        default:
            throw ProvisionFailure.badRequest("give exactly one of rid and code")
        }
        _ = try TemplateResolver.client(template, vendor: vendor, in: context.db)
        return (template, options)
    }
}

/// The client a model's template names, checked to be one the vendor may copy.
enum TemplateResolver {
    static func client(_ template: ModelTemplate, vendor: Vendor, in db: Database) throws -> ResourceRecord {
        switch template {
        case .rid(let rid):
            guard let client = try ResourceRecord.fetch(db, rid: rid), client.type == .client,
                let top = try ResourceRecord.fetch(db, id: vendor.clientID), try ResourceRecord.isWithin(db, client, of: top)
            else { throw ProvisionFailure.badRequest("rid \(rid) is not a client below the vendor's client") }
            return client
        case .code(let code):
            guard let client = try ShareCodeTemplate.client(db, code: code) else {
                throw ProvisionFailure.notFound("no unactivated share code \(code)")
            }
            return client
        }
    }
}
