import GRDB

/// `/provision/manage/group/<model>/...`: groups of serial numbers, content and other groups.
enum GroupHandler {
    static func groups(_ context: ProvisionContext, model name: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        try access.requireOwner()
        let model = access.model.id
        switch context.method {
        case "GET":
            return .csv(rows: try GroupStore.page(context.db, model: model, page: try Page(context.fields)).map { [$0.name, $0.meta] })
        case "POST":
            let id = try context.fields.required("id")
            if context.fields.flag("delete") {
                try GroupStore.delete(context.db, model: model, name: id)
            } else {
                try VendorName.validate(id, what: "group id")
                try GroupStore.create(context.db, model: model, name: id, meta: context.fields["meta"] ?? "")
            }
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("group/<model>/ takes GET or POST")
        }
    }

    static func group(_ context: ProvisionContext, model name: String, id: String) throws -> ProvisionResponse {
        let (model, group) = try resolve(context, name, id)
        switch context.method {
        case "GET":
            if context.fields["show"] == "groups" {
                return .csv(try GroupStore.containing(context.db, model: model, type: "group", member: id, page: try Page(context.fields)))
            }
            let count = try GroupStore.memberCount(context.db, group: group.id)
            return .csvRecord([group.meta, String(count)])
        case "DELETE":
            try GroupStore.delete(context.db, model: model, name: id)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("group/<model>/<id> takes GET or DELETE")
        }
    }

    static func members(_ context: ProvisionContext, model name: String, id: String) throws -> ProvisionResponse {
        let (model, group) = try resolve(context, name, id)
        let fields = context.fields
        switch (context.method, context.request.bodyKind) {
        case ("GET", _):
            let type = fields["type"].flatMap { $0.isEmpty ? nil : $0 }
            let member = fields["id"].flatMap { $0.isEmpty ? nil : $0 }
            let members = try GroupStore.members(context.db, group: group.id, type: type, id: member, page: try Page(fields))
            return .csv(rows: members.map(\.fields))
        case ("POST", .csv):
            for record in try context.bodyRecords() {
                try GroupStore.upsert(context.db, group: group.id, try checked(context, model, member(record)))
            }
        case ("DELETE", .csv):
            for record in try context.bodyRecords() {
                let parts = record.map(\.trimmingBlanks)
                guard parts.count >= 2 else { throw ProvisionFailure.badRequest("each line is <type>,<id>") }
                try GroupStore.removeMember(context.db, group: group.id, type: parts[0], id: parts[1])
            }
        case ("POST", _):
            let type = try fields.required("type")
            let ids = fields.all("id")
            guard !ids.isEmpty else { throw ProvisionFailure.badRequest("missing field id") }
            let remove = fields.flag("delete")
            let expire = try fields.integer("expire", default: 0)
            for memberID in ids {
                if remove {
                    try GroupStore.removeMember(context.db, group: group.id, type: type, id: memberID)
                } else {
                    let member = GroupMember(type: type, id: memberID, expire: expire, meta: fields["meta"] ?? "")
                    try GroupStore.upsert(context.db, group: group.id, try checked(context, model, member))
                }
            }
        default:
            throw ProvisionFailure.methodNotAllowed("group/<model>/<id>/ takes GET, POST or DELETE")
        }
        return .reset
    }

    private static func resolve(_ context: ProvisionContext, _ name: String, _ id: String) throws -> (Int64, (id: Int64, meta: String)) {
        let access = try context.model(name)
        try access.requireOwner()
        guard let group = try GroupStore.group(context.db, model: access.model.id, name: id) else {
            throw ProvisionFailure.notFound("unknown group \(id)")
        }
        return (access.model.id, group)
    }

    private static func member(_ record: [String]) throws -> GroupMember {
        // Unquoted meta may hold further commas: they belong to it.
        let parts = record.count > 4 ? Array(record[0..<3]) + [record[3...].joined(separator: ",")] : record
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ProvisionFailure.badRequest("each line is <type>,<id>,<expire>,<meta>")
        }
        let expireText = parts.count > 2 ? parts[2].trimmingBlanks : ""
        guard expireText.isEmpty || Int(expireText).map({ $0 >= 0 }) == true else { throw ProvisionFailure.badRequest("expire must be a unix time") }
        return GroupMember(
            type: parts[0].trimmingBlanks, id: parts[1].trimmingBlanks, expire: Int(expireText) ?? 0, meta: parts.count > 3 ? parts[3] : "")
    }

    /// Members of the known types must exist in the model; a group may not contain itself.
    private static func checked(_ context: ProvisionContext, _ model: Int64, _ member: GroupMember) throws -> GroupMember {
        let exists: Bool
        switch member.type {
        case "sn": exists = try SerialStore.existing(context.db, model: model, sn: member.id) != nil
        case "content": exists = try ContentStore.entry(context.db, model: model, name: member.id) != nil
        case "group": exists = try GroupStore.group(context.db, model: model, name: member.id) != nil
        default: exists = true
        }
        guard exists else { throw ProvisionFailure.notFound("unknown \(member.type) \(member.id)") }
        return member
    }
}
