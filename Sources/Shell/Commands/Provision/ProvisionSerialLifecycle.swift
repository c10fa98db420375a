import OneP

/// provision sn enable|disable|regenerate|remap|activate: a serial number's client and CIK.
enum ProvisionSerialLifecycle {
    static let model = ProvisionSerialCommands.model
    static let serialNumber = ProvisionSerialCommands.serialNumber

    static let enable = CommandSpec(
        words: ["provision", "sn", "enable"],
        abstract: "Copy the model's template client for a serial number, so its device can activate",
        discussion: "The new client is made under --owner, else under the current client; its RID is shown.",
        positionals: [model, serialNumber],
        options: [.value("owner", "PATH", "the client that owns the new client", type: .path)],
        examples: ["provision sn enable thermostat 0001", "provision sn enable thermostat 0001 --owner customers/acme"],
        effect: .changes,
        body: { context in
            let (name, sn) = (context.arguments.required("MODEL"), context.arguments.required("SN"))
            let owner = try await context.resolve(context.arguments.option("owner") ?? ".")
            let answer = try await context.provisionClient().serialNumberEnable(model: name, sn: sn, owner: owner.rid)
            context.emitValue("rid", answer.text)
        }
    )

    static let disable = CommandSpec(
        words: ["provision", "sn", "disable"],
        abstract: "Expire a serial number's CIK, cutting its device off",
        positionals: [model, serialNumber],
        effect: .changes,
        body: { context in
            let (name, sn) = (context.arguments.required("MODEL"), context.arguments.required("SN"))
            _ = try await context.provisionClient().serialNumberDisable(model: name, sn: sn)
            context.emitDone("disabled \(sn)")
        }
    )

    static let regenerate = CommandSpec(
        words: ["provision", "sn", "regenerate"],
        abstract: "Give a serial number's client a new CIK; the old one stops working and the device activates again",
        positionals: [model, serialNumber],
        effect: .changes,
        body: { context in
            let (name, sn) = (context.arguments.required("MODEL"), context.arguments.required("SN"))
            _ = try await context.provisionClient().serialNumberReenable(model: name, sn: sn)
            context.emitDone("regenerated \(sn): its device must activate again")
        }
    )

    static let remap = CommandSpec(
        words: ["provision", "sn", "remap"],
        abstract: "Move the client of another serial number to this one (a replaced device)",
        positionals: [model, serialNumber],
        options: [.value("from", "OLDSN", "the serial number whose client moves", completion: .serialNumber)],
        examples: ["provision sn remap thermostat 0002 --from 0001"],
        effect: .changes,
        body: { context in
            let (name, sn) = (context.arguments.required("MODEL"), context.arguments.required("SN"))
            guard let old = context.arguments.option("from") else {
                throw ShellError(.missingArgument(command: context.spec.name, argument: "--from"))
            }
            _ = try await context.provisionClient().serialNumberRemap(model: name, sn: sn, oldSN: old)
            context.emitDone("moved the client of \(old) to \(sn)")
        }
    )

    static let activate = CommandSpec(
        words: ["provision", "sn", "activate"],
        abstract: "Activate an enabled serial number as its device would, and show the CIK it receives",
        discussion: "A serial number activates once; afterwards the platform answers 409 until it is regenerated.",
        positionals: [model, serialNumber],
        options: [.value("vendor", "V", "the vendor name the device sends (default: the session's vendor)")],
        examples: ["provision sn activate thermostat 0001"],
        effect: .changes,
        body: { context in
            let (name, sn) = (context.arguments.required("MODEL"), context.arguments.required("SN"))
            let answer = try await context.provisionClient(auth: nil).activate(vendor: try context.vendorName(), model: name, sn: sn)
            context.emitValue("cik", answer.text)
        }
    )
}
