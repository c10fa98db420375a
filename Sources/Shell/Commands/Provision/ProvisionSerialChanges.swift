import OneP
import OnePCSV
import OnePJSON

/// provision sn add|remove: whitelisting serial numbers, one, several or a file of them.
enum ProvisionSerialChanges {
    /// Rows sent per request when adding from a file: the progress bar moves per batch.
    static let batchSize = 500

    static let model = ProvisionSerialCommands.model
    static let added = RepeatingArgument<String>("SN", "serial numbers to add", optional: true)
    static let extra = Option<String>("extra", "TEXT", "extra data stored with each serial number")
    static let addFile = Option<String>("file", "F.csv", "a file of sn or sn,extra lines", completion: .file)
    static let removed = RepeatingArgument<String>("SN", "serial numbers to remove", optional: true, completion: .serialNumber)
    static let removeFile = Option<String>("file", "F.csv", "a file with a serial number at the start of each line", completion: .file)

    static let add = CommandSpec(
        words: ["provision", "sn", "add"],
        abstract: "Add serial numbers to a model, given as arguments or as a CSV file of sn[,extra] lines",
        arguments: [model, added, extra, addFile],
        examples: ["provision sn add thermostat 0001 0002", "provision sn add thermostat --file serials.csv"],
        effect: .changes,
        run: { context in
            let name = context[model]
            let client = try context.provisionClient()
            let shared = context[extra] ?? ""
            var rows = context[added].map { (sn: $0, extra: shared) }
            if let file = context[addFile] { rows += try readRows(file, context: context) }
            guard !rows.isEmpty else { throw ShellError(.missingArgument(command: context.spec.name, argument: "SN or --file")) }
            if rows.count == 1 {
                _ = try await client.serialNumberAdd(model: name, sn: rows[0].sn, extra: rows[0].extra)
            } else {
                let bar = context.progress("adding serial numbers", total: rows.count)
                defer { bar.finish() }
                for start in stride(from: 0, to: rows.count, by: batchSize) {
                    let batch = Array(rows[start..<min(rows.count, start + batchSize)])
                    _ = try await client.serialNumberAdd(model: name, withExtra: batch)
                    bar.update(start + batch.count)
                }
            }
            context.session.provisionNames[.serialNumbers(model: name)] = nil
            return .done("added \(rows.count) serial number\(rows.count == 1 ? "" : "s") to \(name)")
        }
    )

    static let remove = CommandSpec(
        words: ["provision", "sn", "remove"],
        abstract: "Remove serial numbers from a model, given as arguments or as a file of them",
        arguments: [model, removed, removeFile],
        examples: ["provision sn remove thermostat 0001"],
        effect: .destroys,
        run: { context in
            let name = context[model]
            let client = try context.provisionClient()
            var serials = context[removed]
            if let file = context[removeFile] { serials += try readRows(file, context: context).map(\.sn) }
            guard !serials.isEmpty else { throw ShellError(.missingArgument(command: context.spec.name, argument: "SN or --file")) }
            try context.confirm(name, "\(CommandContext.plural(serials.count, "serial number")) of model '\(name)' with their clients")
            let bar = context.progress("removing serial numbers", total: serials.count)
            defer { bar.finish() }
            for start in stride(from: 0, to: serials.count, by: batchSize) {
                let batch = Array(serials[start..<min(serials.count, start + batchSize)])
                _ =
                    try await batch.count == 1
                    ? client.serialNumberRemove(model: name, sn: batch[0]) : client.serialNumberRemove(model: name, sns: batch)
                bar.update(start + batch.count)
            }
            context.session.provisionNames[.serialNumbers(model: name)] = nil
            return .done("removed \(serials.count) serial number\(serials.count == 1 ? "" : "s") from \(name)")
        }
    )

    /// The `sn[,extra]` lines of a file, quoted as CSV quotes; blank lines and a `sn` header line are skipped.
    /// - Throws: ``ShellError`` when the file cannot be read or a line has no serial number.
    static func readRows(_ path: String, context: CommandContext) throws(ShellError) -> [(sn: String, extra: String)] {
        let text: String
        do {
            text = try context.services.configuration.readFile(path)
        } catch {
            throw ShellError.file(path, "cannot be read: check the path")
        }
        var rows: [(sn: String, extra: String)] = []
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            guard !line.trimmingBlanks().isEmpty else { continue }
            // A line is one CSV record: extra data holding commas comes quoted, or as the rest of the line.
            let fields = ProvisionRows.fitted(CSVCodec.records(line).first ?? [], count: 2)
            let sn = fields[0].trimmingBlanks()
            if number == 0, sn.lowercased() == "sn" { continue }
            guard !sn.isEmpty else { throw ShellError.file(path, "line \(number + 1) has no serial number before its comma") }
            rows.append((sn, fields[1]))
        }
        return rows
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
