import OneP

/// provision sn enable|disable|regenerate|remap|activate: a serial number's client and CIK.
enum ProvisionSerialLifecycle {
    static let model = ProvisionSerialCommands.model
    static let serialNumber = ProvisionSerialCommands.serialNumber
    static let owner = Option<String>("owner", "PATH", "the client that owns the new client", type: .path)
    static let from = Option<String>("from", "OLDSN", "the serial number whose client moves", completion: .serialNumber)
    static let vendor = Option<String>("vendor", "V", "the vendor name the device sends (default: the session's vendor)")

    static let enable = CommandSpec(
        words: ["provision", "sn", "enable"],
        abstract: "Copy the model's template client for a serial number, so its device can activate",
        discussion: "The new client is made under --owner, else under the current client; its RID is shown.",
        arguments: [model, serialNumber, owner],
        examples: ["provision sn enable thermostat 0001", "provision sn enable thermostat 0001 --owner customers/acme"],
        effect: .changes,
        run: { context in
            let (name, sn) = (context[model], context[serialNumber])
            let client = try await context.resolve(context[owner] ?? ".")
            let answer = try await context.provisionClient().serialNumberEnable(model: name, sn: sn, owner: client.rid)
            // A new client now stands under the owner, made by the provisioning API.
            context.session.paths?.forget(parents: [client.rid])
            return .made(Made("rid", answer.text))
        }
    )

    static let disable = CommandSpec(
        words: ["provision", "sn", "disable"],
        abstract: "Expire a serial number's CIK, cutting its device off",
        arguments: [model, serialNumber],
        effect: .changes,
        run: { context in
            let (name, sn) = (context[model], context[serialNumber])
            _ = try await context.provisionClient().serialNumberDisable(model: name, sn: sn)
            return .done("disabled \(sn)")
        }
    )

    static let regenerate = CommandSpec(
        words: ["provision", "sn", "regenerate"],
        abstract: "Give a serial number's client a new CIK; the old one stops working and the device activates again",
        arguments: [model, serialNumber],
        effect: .changes,
        run: { context in
            let (name, sn) = (context[model], context[serialNumber])
            _ = try await context.provisionClient().serialNumberReenable(model: name, sn: sn)
            return .done("regenerated \(sn): its device must activate again")
        }
    )

    static let remap = CommandSpec(
        words: ["provision", "sn", "remap"],
        abstract: "Move the client of another serial number to this one (a replaced device)",
        arguments: [model, serialNumber, from],
        examples: ["provision sn remap thermostat 0002 --from 0001"],
        effect: .changes,
        run: { context in
            let (name, sn) = (context[model], context[serialNumber])
            guard let old = context[from] else {
                throw ShellError(.missingArgument(command: context.spec.name, argument: "--from"))
            }
            _ = try await context.provisionClient().serialNumberRemap(model: name, sn: sn, oldSN: old)
            return .done("moved the client of \(old) to \(sn)")
        }
    )

    static let activate = CommandSpec(
        words: ["provision", "sn", "activate"],
        abstract: "Activate an enabled serial number as its device would, and show the CIK it receives",
        discussion: "A serial number activates once; afterwards the platform answers 409 until it is regenerated.",
        arguments: [model, serialNumber, vendor],
        examples: ["provision sn activate thermostat 0001"],
        effect: .changes,
        run: { context in
            let (name, sn) = (context[model], context[serialNumber])
            let vendorName = try context[vendor] ?? context.session.requiredVendor().credentials.name
            do {
                let answer = try await context.provisionClient(auth: nil).activate(vendor: vendorName, model: name, sn: sn)
                return .made(Made("cik", answer.text))
            } catch let error as ProvisionError where error.status == 409 {
                // 409 answers both "already activated" and "not enabled": the status list tells which.
                guard try await activationStatus(of: sn, model: name, context: context) == "activated" else { throw error }
                throw ShellError.failed(
                    "provision sn activate: \(sn) is already activated (\(error.description.prefix { $0 != ":" })): "
                        + "'provision sn regenerate \(name) \(sn)' lets its device activate again")
            }
        }
    )

    /// A serial number's activation status as the model's list shows it, or nil when the list
    /// cannot be read (no vendor credentials) or does not hold it.
    private static func activationStatus(of sn: String, model: String, context: CommandContext) async throws -> String? {
        guard let client = try? context.provisionClient() else { return nil }
        var offset = 0
        while true {
            guard let page = try? await client.serialNumberList(model: model, offset: offset, limit: ProvisionPages.pageSize, status: true) else {
                return nil
            }
            let rows = page.rows
            if let row = rows.first(where: { $0.first == sn }) { return row.count > 1 ? row[1] : nil }
            guard rows.count == ProvisionPages.pageSize else { return nil }
            offset += rows.count
        }
    }
}
