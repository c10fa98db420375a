import OneP
import OnePJSON

/// provision model list|info|create|update|delete|share|unshare: the vendor's models.
enum ProvisionModelCommands {
    static let model = PositionalSpec(name: "MODEL", help: "the model's name", completion: .modelName)

    static let list = CommandSpec(
        words: ["provision", "model", "list"],
        abstract: "List the vendor's models, or with --shared those other vendors share with it",
        options: [.flag("shared", "list models other vendors shared with this one")],
        body: { context in
            let client = try context.provisionClient()
            if context.arguments.flag("shared") {
                let answer = try await client.modelListShared()
                context.emit(.table(ProvisionRows.table(answer.rows, columns: ["vendor", "model"])))
                return
            }
            let rows = try await client.modelList().rows
            context.learn(rows.compactMap(\.first), for: .models)
            context.emit(.table(ProvisionRows.table(rows, columns: ["model"])))
        }
    )

    static let info = CommandSpec(
        words: ["provision", "model", "info"],
        abstract: "Show a model's template client and copy options",
        positionals: [model],
        body: { context in
            let name = context.arguments.required("MODEL")
            let fields = FormText.fields(try await context.provisionClient().modelInfo(name).text)
            let template = fields.first { $0.0 == "rid" || $0.0 == "code" }
            let options = fields.filter { $0.0 == "options[]" }.map(\.1)
            let row: [JSON] = [.string(name), .string(template?.1 ?? ""), .string(options.joined(separator: ","))]
            context.emit(.table(Table(columns: ["model", "template", "options"], rows: [row])))
        }
    )

    static let templateOptions: [OptionSpec] = [
        .value("code", "CODE", "copy the client shared under this share code instead of TEMPLATE"),
        .flag("no-aliases", "do not copy aliases into new clients"),
        .flag("no-comments", "do not copy comments into new clients"),
        .flag("no-historical", "do not copy data points into new clients"),
    ]

    static let create = CommandSpec(
        words: ["provision", "model", "create"],
        abstract: "Make a model whose devices get copies of a template client",
        positionals: [
            model, PositionalSpec(name: "TEMPLATE", help: "the template client (a path or RID)", type: .path, isOptional: true),
        ],
        options: templateOptions,
        examples: ["provision model create thermostat templates/thermostat --no-historical", "provision model create sensor --code 0a1b..."],
        effect: .changes,
        body: { context in
            let name = context.arguments.required("MODEL")
            let template = try await modelTemplate(&context)
            _ = try await context.provisionClient().modelCreate(name, template: template, options: modelOptions(context))
            context.emitDone("created model \(name)")
        }
    )

    static let update = CommandSpec(
        words: ["provision", "model", "update"],
        abstract: "Change a model's template client or copy options",
        positionals: [model, PositionalSpec(name: "TEMPLATE", help: "the template client (a path or RID)", type: .path, isOptional: true)],
        options: templateOptions,
        examples: ["provision model update thermostat templates/thermostat-v2"],
        effect: .changes,
        body: { context in
            let name = context.arguments.required("MODEL")
            let template = try await modelTemplate(&context)
            _ = try await context.provisionClient().modelUpdate(name, template: template, options: modelOptions(context))
            context.emitDone("updated model \(name)")
        }
    )

    static let delete = CommandSpec(
        words: ["provision", "model", "delete"],
        abstract: "Delete a model with its serial numbers and content",
        positionals: [model],
        effect: .destroys,
        body: { context in
            let name = context.arguments.required("MODEL")
            _ = try await context.provisionClient().modelDelete(name)
            context.emitDone("deleted model \(name)")
        }
    )

    static let share = CommandSpec(
        words: ["provision", "model", "share"],
        abstract: "Let another vendor enable and disable serial numbers of a model",
        positionals: [model, PositionalSpec(name: "VENDOR", help: "the other vendor's name")],
        effect: .changes,
        body: { context in
            let (name, vendor) = (context.arguments.required("MODEL"), context.arguments.required("VENDOR"))
            _ = try await context.provisionClient().shareCreate(model: name, vendor: vendor)
            context.emitDone("shared model \(name) with \(vendor)")
        }
    )

    static let unshare = CommandSpec(
        words: ["provision", "model", "unshare"],
        abstract: "Stop sharing a model with another vendor",
        positionals: [model, PositionalSpec(name: "VENDOR", help: "the other vendor's name")],
        effect: .destroys,
        body: { context in
            let (name, vendor) = (context.arguments.required("MODEL"), context.arguments.required("VENDOR"))
            _ = try await context.provisionClient().shareDelete(model: name, vendor: vendor)
            context.emitDone("stopped sharing model \(name) with \(vendor)")
        }
    )

    /// TEMPLATE resolved to a RID, or `--code`; exactly one of them.
    private static func modelTemplate(_ context: inout CommandContext) async throws -> ModelTemplate {
        let command = context.spec.name
        switch (context.arguments.value("TEMPLATE"), context.arguments.option("code")) {
        case (let path?, nil):
            return .rid(try await context.resolve(path).rid)
        case (nil, let code?):
            return .code(code)
        case (nil, nil):
            throw ShellError(.missingArgument(command: command, argument: "TEMPLATE or --code"))
        case (_?, _?):
            throw ShellError.failed("\(command): give TEMPLATE or --code, not both")
        }
    }

    private static func modelOptions(_ context: CommandContext) -> ModelOptions {
        ModelOptions(
            noAliases: context.arguments.flag("no-aliases"), noComments: context.arguments.flag("no-comments"),
            noHistorical: context.arguments.flag("no-historical"))
    }
}

/// Reading `name=value&...` answers.
enum FormText {
    static func fields(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// `%XX` escapes and `+` for space decoded; a malformed escape is kept as written.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), high < utf8.endIndex,
                let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
                let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = utf8.index(index, offsetBy: 3)
                continue
            }
            bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
