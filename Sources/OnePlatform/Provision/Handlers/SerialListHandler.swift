import GRDB
import OnePJSON

/// `/provision/manage/model/<model>/`: list, add and remove a model's serial numbers and ranges.
///
/// Besides the documented forms this takes the older ones clients still send: `add=true&sn=...`,
/// `remove=true&sn[]=...`, and a `text/csv` body of `sn,extra` lines.
enum SerialListHandler {
    static func handle(_ context: ProvisionContext, model name: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        switch (context.method, context.request.bodyKind) {
        case ("GET", _):
            return try list(context, access)
        case ("POST", .json):
            try access.requireOwner()
            for range in try ranges(context) { try SerialRangeStore.add(context.db, model: access.model.id, range) }
        case ("DELETE", .json):
            try access.requireOwner()
            for range in try ranges(context) { try SerialRangeStore.remove(context.db, model: access.model.id, range) }
        case ("POST", .csv):
            try access.requireOwner()
            for record in try context.bodyRecords() {
                // Unquoted extra data may hold further commas: they belong to it.
                let extra = record.dropFirst().joined(separator: ",")
                try SerialStore.add(context.db, model: access.model.id, sn: record[0].trimmingBlanks, extra: extra)
            }
        case ("DELETE", .csv):
            try access.requireOwner()
            for record in try context.bodyRecords() {
                try SerialStore.remove(context.db, model: access.model.id, sn: record[0].trimmingBlanks)
            }
        case ("POST", .form), ("DELETE", .form):
            try access.requireOwner()
            try change(context, access)
        default:
            throw ProvisionFailure.methodNotAllowed("model/<model>/ takes GET, POST or DELETE")
        }
        return .reset
    }

    private static func list(_ context: ProvisionContext, _ access: ModelAccess) throws -> ProvisionResponse {
        if context.fields["show"] == "ranges" {
            let ranges = try SerialRangeStore.ranges(context.db, model: access.model.id)
            return .text(JSON.array(ranges.map(\.json)).serialized(), type: "application/javascript; charset=utf-8")
        }
        let page = try Page(context.fields, defaultLimit: 1000)
        let enabledBy = access.isOwner ? context.fields["shared"].flatMap { $0.isEmpty ? nil : $0 } : access.caller.name
        let withStatus = context.fields.flag("status")
        let serials = try SerialStore.page(context.db, model: access.model.id, offset: page.offset, limit: page.limit, enabledBy: enabledBy)
        return .csv(
            rows: try serials.map { serial in
                let rid = try SerialStore.rid(context.db, serial)
                let extra = access.isOwner ? serial.extra : ""
                guard withStatus else { return [serial.sn, rid, extra] }
                let status = try SerialStore.status(context.db, serial)
                return [serial.sn, status == .unused ? "" : status.rawValue, rid, extra]
            })
    }

    private static func change(_ context: ProvisionContext, _ access: ModelAccess) throws {
        let fields = context.fields
        let numbers = fields.all("sn")
        guard !numbers.isEmpty else { throw ProvisionFailure.badRequest("missing field sn") }
        if fields.flag("delete") || fields.flag("remove") || context.method == "DELETE" {
            for sn in numbers { try SerialStore.remove(context.db, model: access.model.id, sn: sn) }
            return
        }
        let extra = numbers.count == 1 ? fields["extra"] ?? "" : ""
        var seen = Set<String>()
        for sn in numbers {
            guard seen.insert(sn).inserted else { throw ProvisionFailure.conflict("serial number \(sn) is given twice: list each once") }
            try SerialStore.add(context.db, model: access.model.id, sn: sn, extra: extra)
        }
    }

    /// The ranges of a `{"ranges": [...]}` body; a bare list is taken too.
    private static func ranges(_ context: ProvisionContext) throws -> [SerialRange] {
        let json: JSON
        do {
            json = try JSON(parsing: context.request.body)
        } catch {
            throw ProvisionFailure.badRequest("the body is not JSON: \(error)")
        }
        guard let list = json["ranges"]?.arrayValue ?? json.arrayValue, !list.isEmpty else {
            throw ProvisionFailure.badRequest("expected {\"ranges\": [...]} with at least one range")
        }
        return try list.map { json throws(ProvisionFailure) in try SerialRange(json: json) }
    }
}
