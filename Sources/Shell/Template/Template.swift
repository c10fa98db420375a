import OnePJSON

/// A device described in YAML: what `template check` compares a client with, what `template
/// apply` makes a client into, and what `template generate` writes.
///
/// It reads exoline's `spec` files as they are (`device`, `dataports`, `scripts`) and adds
/// `datarules`, `dispatches` and `clients` (clients inside the device, with the same keys), and a
/// few dataport keys of its own (`values`, `range`, `retention`, `preprocess`, `subscribe`).
struct Template: Sendable {
    /// The file it was read from, for messages.
    var path: String
    /// exoline's `device:` section: the model (and vendor) the device is made for.
    var model: String?
    var vendor: String?
    /// `device: limits:` in exoline's spec files: the limits of the client the template is for,
    /// and the line they are given on.
    var limits: JSON?
    var limitsLine = 0
    /// What the device holds, in the order the file lists it.
    var resources: [TemplateResource]
    /// Keys onep reads but does not enforce, one line each (exoline's `jsonschema`).
    var notes: [String] = []
}

/// One resource a template asks for.
struct TemplateResource: Sendable {
    /// `dataport`, `datarule`, `dispatch` or `client`; scripts are datarules.
    var type: String
    var isScript = false
    /// How the resource is found in its client: by this alias, else by its name. A name left out
    /// is not compared, and one is created from the alias (as exoline does).
    var alias: String?
    var name: String?
    /// The line of the file it starts on.
    var line: Int
    /// Description fields the template gives, as the platform spells them. References
    /// (`subscribe`, preprocess operands) still name other resources of the same client by alias
    /// or name, or hold a RID.
    var fields: JSONObject = [:]
    /// Keys kept in the meta JSON's `datasource` object (Portals' and exoline's place for them):
    /// `unit`, `description`, and onep's `values` (allowed values) and `range` (`{min, max}`).
    var datasource: JSONObject = [:]
    /// Written when the dataport has no value yet.
    var initial: JSON?
    /// Tags it should carry (among others it may have).
    var tags: [String] = []
    /// exoline's `string/json`: the value must parse as JSON.
    var holdsJSON = false
    /// A client's own resources.
    var children: [TemplateResource] = []

    /// How messages name it: `dataport 'temp'`.
    var label: String { "\(isScript ? "script" : type) '\(alias ?? name ?? "?")'" }

    /// The description to create it with: the template's fields and the platform's defaults for
    /// what a create needs, the meta built from `datasource`.
    var creatingDescription: JSONObject {
        var description = fields
        if let given = name ?? alias, description["name"] == nil { description["name"] = .string(given) }
        if !datasource.isEmpty { description["meta"] = .string(JSON.object(["datasource": .object(datasource)]).serialized()) }
        switch type {
        case "client":
            var limits = description["limits"]?.objectValue ?? [:]
            for key in DescriptionOptions.clientLimitKeys where limits[key] == nil { limits[key] = "inherit" }
            description["limits"] = .object(limits)
        default:
            if type != "dispatch", description["format"] == nil { description["format"] = "string" }
            var retention: JSONObject = ["count": "infinity", "duration": "infinity"]
            for (key, value) in description["retention"]?.objectValue ?? [:] { retention[key] = value }
            description["retention"] = .object(retention)
        }
        return description
    }
}
