import OneP
import OnePJSON

/// provision model list|info|create|update|delete|share|unshare: the vendor's models.
enum ProvisionModelCommands {
    static let model = Argument<String>("MODEL", "the model's name", completion: .modelName)
    static let shared = Flag("shared", "list models other vendors shared with this one")

    static let list = CommandSpec(
        words: ["provision", "model", "list"],
        abstract: "List the vendor's models, or with --shared those other vendors share with it",
        arguments: [shared],
        run: { context in
            let client = try context.provisionClient()
            if context[shared] {
                let answer = try await client.modelListShared()
                return .table(ProvisionRows.table(answer.rows, columns: ["vendor", "model"]))
            }
            let rows = try await client.modelList().rows
            context.learn(rows.compactMap(\.first), for: .models)
            return .table(ProvisionRows.table(rows, columns: ["model"]))
        }
    )

    static let info = CommandSpec(
        words: ["provision", "model", "info"],
        abstract: "Show a model's template client and copy options",
        arguments: [model],
        run: { context in
            let name = context[model]
            let fields = FormText.fields(try await context.provisionClient().modelInfo(name).text)
            let template = fields.first { $0.0 == "rid" || $0.0 == "code" }
            let options = fields.filter { $0.0 == "options[]" }.map(\.1)
            let row: [JSON] = [.string(name), .string(template?.1 ?? ""), .string(options.joined(separator: ","))]
            return .table(Table(columns: ["model", "template", "options"], rows: [row]))
        }
    )

    static let template = OptionalArgument<String>("TEMPLATE", "the template client (a path or RID)", type: .path)
    static let code = Option<String>("code", "CODE", "copy the client shared under this share code instead of TEMPLATE")
    static let noAliases = Flag("no-aliases", "do not copy aliases into new clients")
    static let noComments = Flag("no-comments", "do not copy comments into new clients")
    static let noHistorical = Flag("no-historical", "do not copy data points into new clients")
    static let templateOptions: [any ArgumentKey] = [code, noAliases, noComments, noHistorical]

    static let create = CommandSpec(
        words: ["provision", "model", "create"],
        abstract: "Make a model whose devices get copies of a template client",
        arguments: [model, template] + templateOptions,
        examples: ["provision model create thermostat templates/thermostat --no-historical", "provision model create sensor --code 0a1b..."],
        effect: .changes,
        run: { context in
            let name = context[model]
            let source = try await modelTemplate(&context)
            _ = try await context.provisionClient().modelCreate(name, template: source, options: modelOptions(context))
            return .done("created model \(name)")
        }
    )

    static let update = CommandSpec(
        words: ["provision", "model", "update"],
        abstract: "Change a model's template client or copy options",
        arguments: [model, template] + templateOptions,
        examples: ["provision model update thermostat templates/thermostat-v2"],
        effect: .changes,
        run: { context in
            let name = context[model]
            let source = try await modelTemplate(&context)
            _ = try await context.provisionClient().modelUpdate(name, template: source, options: modelOptions(context))
            return .done("updated model \(name)")
        }
    )

    static let delete = CommandSpec(
        words: ["provision", "model", "delete"],
        abstract: "Delete a model with its serial numbers and content",
        arguments: [model],
        effect: .destroys,
        run: { context in
            let name = context[model]
            let client = try context.provisionClient()
            if context.asksBeforeDestroying {
                // Found first: a model that is not there is reported without a question.
                _ = try await client.modelInfo(name)
                let serials = try await ProvisionPages.records(context, label: "counting serial numbers", from: 0, wanted: Int.max) {
                    try await client.serialNumberList(model: name, offset: $0, limit: $1)
                }
                try context.confirm(
                    name, "model '\(name)' with \(CommandContext.plural(serials.count, "serial number")) and their clients and content")
            }
            _ = try await client.modelDelete(name)
            return .done("deleted model \(name)")
        }
    )

    static let vendor = Argument<String>("VENDOR", "the other vendor's name")

    static let share = CommandSpec(
        words: ["provision", "model", "share"],
        abstract: "Let another vendor enable and disable serial numbers of a model",
        arguments: [model, vendor],
        effect: .changes,
        run: { context in
            let (name, other) = (context[model], context[vendor])
            _ = try await context.provisionClient().shareCreate(model: name, vendor: other)
            return .done("shared model \(name) with \(other)")
        }
    )

    static let unshare = CommandSpec(
        words: ["provision", "model", "unshare"],
        abstract: "Stop sharing a model with another vendor",
        arguments: [model, vendor],
        effect: .destroys,
        run: { context in
            let (name, other) = (context[model], context[vendor])
            try context.confirm("\(name) \(other)", "vendor '\(other)' stops managing model '\(name)'")
            _ = try await context.provisionClient().shareDelete(model: name, vendor: other)
            return .done("stopped sharing model \(name) with \(other)")
        }
    )

    /// TEMPLATE resolved to a RID, or `--code`; exactly one of them.
    private static func modelTemplate(_ context: inout CommandContext) async throws -> ModelTemplate {
        let command = context.spec.name
        switch (context[template], context[code]) {
        case (let path?, nil):
            return .rid(try await context.resolve(path).rid)
        case (nil, let shareCode?):
            return .code(shareCode)
        case (nil, nil):
            throw ShellError(.missingArgument(command: command, argument: "TEMPLATE or --code"))
        case (_?, _?):
            throw ShellError.failed("\(command): give TEMPLATE or --code, not both")
        }
    }

    private static func modelOptions(_ context: CommandContext) -> ModelOptions {
        ModelOptions(noAliases: context[noAliases], noComments: context[noComments], noHistorical: context[noHistorical])
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
