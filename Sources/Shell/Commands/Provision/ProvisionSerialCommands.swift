import OneP
import OnePJSON

/// provision sn list|info|log|ranges: reading a model's serial numbers.
enum ProvisionSerialCommands {
    static let model = ProvisionModelCommands.model
    static let serialNumber = Argument<String>("SN", "the serial number", completion: .serialNumber)

    static let list = CommandSpec(
        words: ["provision", "sn", "list"],
        abstract: "List a model's serial numbers with their status and client",
        arguments: [model] + ProvisionPages.options,
        examples: ["provision sn list thermostat --limit 20", "provision sn list thermostat --all"],
        run: { context in
            let name = context[model]
            let client = try context.provisionClient()
            let records = try await ProvisionPages.records(context, label: "listing serial numbers") { offset, limit in
                try await client.serialNumberList(model: name, offset: offset, limit: limit, status: true)
            }
            let table = ProvisionRows.table(records, columns: ["sn", "status", "rid", "extra"])
            if context[ProvisionPages.offset] ?? 0 == 0 {
                context.learn(table.rows.prefix(ProvisionPages.pageSize).compactMap { $0.first?.stringValue }, for: .serialNumbers(model: name))
            }
            return .table(table)
        }
    )

    static let info = CommandSpec(
        words: ["provision", "sn", "info"],
        abstract: "Show a serial number's status, client and extra data",
        arguments: [model, serialNumber],
        run: { context in
            let (name, sn) = (context[model], context[serialNumber])
            let answer = try await context.provisionClient().serialNumberInfo(model: name, sn: sn)
            return .table(ProvisionRows.table(answer.rows.map { [sn] + $0 }, columns: ["sn", "status", "rid", "extra"]))
        }
    )

    static let log = CommandSpec(
        words: ["provision", "sn", "log"],
        abstract: "Show a serial number's activation log",
        arguments: [model, serialNumber, CommonOptions.timeFormat],
        run: { context in
            let (name, sn) = (context[model], context[serialNumber])
            let answer = try await context.provisionClient().serialNumberLog(model: name, sn: sn)
            var table = ProvisionRows.table(answer.rows, columns: ["time", "address", "entry"])
            table.rows = table.rows.map { row in
                guard let seconds = row[0].stringValue.flatMap(Int.init) else { return row }
                return [.int(seconds)] + row.dropFirst()
            }
            table.timeColumns = [0]
            return .table(table)
        }
    )

    static let ranges = CommandSpec(
        words: ["provision", "sn", "ranges"],
        abstract: "Show the serial number ranges a model accepts",
        arguments: [model],
        run: { context in
            let answer = try await context.provisionClient().serialNumberRanges(model: context[model])
            let parsed = answer.body.isEmpty ? JSON.array([]) : try ValueParsing.json(answer.text)
            let list = parsed.arrayValue ?? parsed.objectValue?["ranges"]?.arrayValue ?? []
            let columns = ["format", "length", "casing", "first", "last"]
            let rows = list.map { range in columns.map { range.objectValue?[$0] ?? .null } }
            return .table(Table(columns: columns, rows: rows, rightAligned: [1, 3, 4]))
        }
    )
}
