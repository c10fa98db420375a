import GRDB

/// A provisioning model: a template client and how its copies are made.
struct ProvisionModel: Sendable, Equatable {
    var id: Int64
    var vendorName: String
    var name: String
    var template: ModelTemplate
    var options: CloneOptions
}

/// Where a model's clients are copied from.
enum ModelTemplate: Sendable, Equatable {
    case rid(String)
    case code(String)
}

/// The copy options a model keeps (`noaliases`, `nocomments`, `nohistorical`).
struct CloneOptions: Sendable, Equatable {
    var noAliases = false
    var noComments = false
    var noHistorical = false

    init(noAliases: Bool = false, noComments: Bool = false, noHistorical: Bool = false) {
        self.noAliases = noAliases
        self.noComments = noComments
        self.noHistorical = noHistorical
    }

    /// The options named in a form's `options[]` values; an unknown one is refused.
    init(words: [String]) throws(ProvisionFailure) {
        for word in words {
            switch word {
            case "noaliases": noAliases = true
            case "nocomments": noComments = true
            case "nohistorical": noHistorical = true
            case "": continue
            default: throw .badRequest("unknown model option \(word)")
            }
        }
    }

    var words: [String] {
        [noAliases ? "noaliases" : nil, noComments ? "nocomments" : nil, noHistorical ? "nohistorical" : nil].compactMap { $0 }
    }
}

enum ModelStore {
    static func model(_ db: Database, vendor: String, name: String) throws -> ProvisionModel? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT id, vendor_name, name, template_rid, template_code, noaliases, nocomments, nohistorical
                FROM model WHERE vendor_name = ? AND name = ?
                """,
            arguments: [vendor, name])
        return row.map(Self.model(from:))
    }

    static func names(_ db: Database, vendor: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM model WHERE vendor_name = ? ORDER BY id", arguments: [vendor])
    }

    /// `(owner vendor, model)` pairs shared with a vendor.
    static func shared(_ db: Database, with vendor: String) throws -> [(vendor: String, model: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT m.vendor_name, m.name FROM model_share s JOIN model m ON m.id = s.model_id
                WHERE s.vendor_name = ? ORDER BY m.vendor_name, m.name
                """,
            arguments: [vendor]
        ).map { ($0[0], $0[1]) }
    }

    static func insert(_ db: Database, vendor: String, name: String, template: ModelTemplate, options: CloneOptions, now: Int) throws {
        let (rid, code) = columns(template)
        try db.execute(
            sql: """
                INSERT INTO model (vendor_name, name, template_rid, template_code, noaliases, nocomments, nohistorical, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [vendor, name, rid, code, options.noAliases, options.noComments, options.noHistorical, now])
    }

    static func update(_ db: Database, id: Int64, template: ModelTemplate, options: CloneOptions) throws {
        let (rid, code) = columns(template)
        try db.execute(
            sql: "UPDATE model SET template_rid = ?, template_code = ?, noaliases = ?, nocomments = ?, nohistorical = ? WHERE id = ?",
            arguments: [rid, code, options.noAliases, options.noComments, options.noHistorical, id])
    }

    /// Removes a model with its serial numbers, content and groups.
    static func delete(_ db: Database, id: Int64) throws {
        try ContentStore.removeBlobs(db, model: id)
        try db.execute(sql: "DELETE FROM model WHERE id = ?", arguments: [id])
    }

    // MARK: Shares

    static func shareVendors(_ db: Database, model: Int64) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT vendor_name FROM model_share WHERE model_id = ? ORDER BY vendor_name", arguments: [model])
    }

    static func isShared(_ db: Database, model: Int64, with vendor: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM model_share WHERE model_id = ? AND vendor_name = ?", arguments: [model, vendor]) == true
    }

    static func share(_ db: Database, model: Int64, with vendor: String) throws {
        try db.execute(sql: "INSERT INTO model_share (model_id, vendor_name) VALUES (?, ?)", arguments: [model, vendor])
    }

    /// - Returns: whether a share was removed.
    static func unshare(_ db: Database, model: Int64, with vendor: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM model_share WHERE model_id = ? AND vendor_name = ?", arguments: [model, vendor])
        return db.changesCount > 0
    }

    // MARK: Rows

    private static func columns(_ template: ModelTemplate) -> (String?, String?) {
        switch template {
        case .rid(let rid): return (rid, nil)
        case .code(let code): return (nil, code)
        }
    }

    private static func model(from row: Row) -> ProvisionModel {
        let rid: String? = row["template_rid"]
        let code: String? = row["template_code"]
        return ProvisionModel(
            id: row["id"], vendorName: row["vendor_name"], name: row["name"],
            template: rid.map(ModelTemplate.rid) ?? .code(code ?? ""),
            options: CloneOptions(noAliases: row["noaliases"], noComments: row["nocomments"], noHistorical: row["nohistorical"]))
    }
}
