import Foundation
import OnePJSON
import Yams

/// Reads a template file: onep's keys and exoline's `spec` keys, every value checked before
/// anything reaches the platform, every problem one line that names `FILE:LINE`.
struct TemplateReader {
    let yaml: TemplateYAML
    /// Where script files are looked for: the template file's own folder.
    let directory: String
    let home: String?
    /// exoline's `--ids`: a resource whose alias, name or script holds `<% id %>` stands for one
    /// resource per id.
    var ids: [String]? = nil

    static let sections = ["dataports", "datarules", "scripts", "dispatches", "clients"]
    static let topKeys = ["device"] + sections

    /// - Throws: ``ShellError`` naming the file and line of the first problem.
    static func read(path: String, text: String, home: String?, ids: [String]? = nil) throws(ShellError) -> Template {
        let folder = (path as NSString).deletingLastPathComponent
        let reader = TemplateReader(yaml: TemplateYAML(path: path), directory: folder.isEmpty ? "." : folder, home: home, ids: ids)
        var template = Template(path: path, resources: [])
        guard let root = try reader.yaml.root(of: text) else {
            throw ShellError.failed("\(path): the template is empty: start from 'template example' or 'template generate'")
        }
        let entries = try reader.yaml.entries(root, "the template")
        try reader.yaml.checkKeys(entries, known: topKeys, in: "the template")
        for entry in entries where entry.key == "device" {
            let device = try reader.yaml.entries(entry.value, "device")
            try reader.yaml.checkKeys(device, known: ["model", "vendor", "limits"], in: "device")
            for item in device {
                switch item.key {
                case "limits":
                    template.limits = try reader.limits(item.value)
                    template.limitsLine = item.value.mark?.line ?? 0
                case "model": template.model = try reader.yaml.string(item.value, "device model")
                default: template.vendor = try reader.yaml.string(item.value, "device vendor")
                }
            }
        }
        template.resources = try reader.contents(of: entries, notes: &template.notes)
        // References and names are checked now, so nothing later can fail on them.
        _ = try TemplateTree(template)
        return template
    }

    /// The resources a client's sections list, in file order.
    func contents(of entries: [TemplateYAML.Entry], notes: inout [String]) throws(ShellError) -> [TemplateResource] {
        var resources: [TemplateResource] = []
        for entry in entries where Self.sections.contains(entry.key) {
            for item in try yaml.items(entry.value, entry.key) {
                resources += try expanded(try resource(item, section: entry.key, notes: &notes), node: item)
            }
        }
        return resources
    }

    /// One item of a section.
    func resource(_ node: Node, section: String, notes: inout [String]) throws(ShellError) -> TemplateResource {
        let what = "an item of \(section)"
        let entries = try yaml.entries(node, what)
        let type = ["dataports": "dataport", "datarules": "datarule", "scripts": "datarule", "dispatches": "dispatch"][section] ?? "client"
        var resource = TemplateResource(type: type, line: node.mark?.line ?? 0)
        resource.isScript = section == "scripts"
        try yaml.checkKeys(entries, known: Self.keys[section] ?? [], in: what)
        for entry in entries where entry.key == "alias" || entry.key == "name" {
            let text = try yaml.string(entry.value, entry.key)
            guard !text.isEmpty else { throw yaml.fail(entry.value, "\(entry.key) is empty: leave it out or give one") }
            if entry.key == "alias" { resource.alias = text } else { resource.name = text }
        }
        if resource.isScript { try script(entries, into: &resource, node: node) }
        for entry in entries {
            try field(entry, into: &resource, notes: &notes)
        }
        guard resource.alias != nil || resource.name != nil else {
            throw yaml.fail(node, "\(what) has neither alias nor name: give one, so it can be found in the client")
        }
        if type == "client" { resource.children = try contents(of: entries, notes: &notes) }
        // exoline writes a string/json initial value as YAML; the dataport holds it as JSON text.
        if resource.holdsJSON, let initial = resource.initial, initial.stringValue == nil { resource.initial = .string(initial.serialized()) }
        if type == "dispatch", resource.fields["method"] == nil || resource.fields["recipient"] == nil {
            throw yaml.fail(node, "\(resource.label) needs a method and a recipient")
        }
        if type == "datarule", !resource.isScript, resource.fields["rule"] == nil {
            throw yaml.fail(node, "\(resource.label) needs a rule (or list it under scripts: with file: or code:)")
        }
        return resource
    }

    /// The resource once per id when it names `<% id %>` (exoline's templating), else as it is.
    func expanded(_ resource: TemplateResource, node: Node) throws(ShellError) -> [TemplateResource] {
        let texts = [resource.alias, resource.name, resource.fields["rule"]?["script"]?.stringValue].compactMap { $0 }
        guard texts.contains(where: Self.namesID) else { return [resource] }
        guard let ids, !ids.isEmpty else {
            throw yaml.fail(node, "\(resource.label) uses <% id %>: give --ids A,B,... for one \(resource.type) per id (as exoline's spec --ids)")
        }
        return ids.map { id in
            var copy = resource
            copy.alias = resource.alias.map { Self.substitute(id, in: $0) }
            copy.name = resource.name.map { Self.substitute(id, in: $0) }
            if let source = resource.fields["rule"]?["script"]?.stringValue {
                copy.fields["rule"] = ["script": .string(Self.substitute(id, in: source))]
            }
            return copy
        }
    }

    static let idMarkers = ["<% id %>", "<%id%>"]

    static func namesID(_ text: String) -> Bool { idMarkers.contains { text.contains($0) } }

    static func substitute(_ id: String, in text: String) -> String {
        idMarkers.reduce(text) { $0.replacingOccurrences(of: $1, with: id) }
    }

    /// Keys each section accepts: exoline's and onep's.
    static let keys: [String: [String]] = {
        let common = ["alias", "name", "meta", "public", "preprocess", "retention", "subscribe", "tags"]
        return [
            "dataports": common + ["format", "unit", "description", "initial", "jsonschema", "values", "range", "min", "max"],
            "datarules": common + ["format", "unit", "description", "rule"],
            "scripts": common + ["file", "code", "description"],
            "dispatches": common + ["method", "recipient", "message", "subject", "locked"],
            "clients": ["alias", "name", "meta", "public", "locked", "limits", "tags"] + sections,
        ]
    }()

    /// `file:` (relative to the template) or `code:`; the file's name is the default alias and name.
    private func script(_ entries: [TemplateYAML.Entry], into resource: inout TemplateResource, node: Node) throws(ShellError) {
        let file = entries.first { $0.key == "file" }
        let code = entries.first { $0.key == "code" }
        let source: String
        switch (file, code) {
        case (let file?, nil):
            let given = try yaml.string(file.value, "file")
            if given.range(of: "^[A-Za-z][A-Za-z0-9+.-]+://", options: .regularExpression) != nil {
                // exoline fetches such files; onep reads only files on disk.
                throw yaml.fail(file.value, "script file \(given) is a URL: download it (e.g. curl -O) and give its path")
            }
            let path = given.hasPrefix("/") || given.hasPrefix("~/") ? given : directory + "/" + given
            do {
                source = try ScriptSource.compiled(path, home: home)
            } catch {
                throw yaml.fail(file.value, "script file \(error.description)")
            }
            let base = (given as NSString).lastPathComponent
            if resource.alias == nil { resource.alias = base }
        case (nil, let code?):
            source = try yaml.string(code.value, "code")
            if let error = LuaSyntax.error(in: source, file: "\(yaml.path):\(code.value.mark?.line ?? 0): code") { throw ShellError.failed(error) }
        case (.some, .some): throw yaml.fail(node, "a script has both file: and code:: keep one")
        case (nil, nil): throw yaml.fail(node, "a script needs file: (a Lua file) or code: (Lua source)")
        }
        resource.fields["format"] = "string"
        resource.fields["rule"] = ["script": .string(source)]
    }
}
