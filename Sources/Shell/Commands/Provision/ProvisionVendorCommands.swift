import OneP
import OnePJSON

/// provision auth, provision vendor show|register|unregister: whom the provisioning commands act for.
enum ProvisionVendorCommands {
    static let auth = CommandSpec(
        words: ["provision", "auth"],
        abstract: "Set the vendor the provision commands act for",
        discussion:
            "The token is checked with one request and kept for the session only. Without this, the shell uses ONEP_VENDOR and ONEP_VENDOR_TOKEN, then the config file's 'vendor: {name: V, token: T}', then the embedded platform's own vendor.",
        options: [
            .value("vendor", "V", "the vendor's name"),
            .value("token", "T", "a token of that vendor", secret: true, variable: "ONEP_VENDOR_TOKEN"),
        ],
        examples: ["provision auth --vendor acme --token 0123456789abcdef0123456789abcdef01234567"],
        body: { context in
            guard let name = context.arguments.option("vendor") else {
                throw ShellError(.missingArgument(command: "provision auth", argument: "--vendor"))
            }
            guard let token = context.arguments.option("token") else {
                throw ShellError(.missingArgument(command: "provision auth", argument: "--token"))
            }
            // A token that works lists the vendor's models; a wrong one is refused with 401.
            _ = try await context.provisionClient(auth: .token(token)).modelList()
            context.session.vendor = VendorSession(credentials: VendorCredentials(name: name, token: token), source: "provision auth")
            context.session.vendorProblem = nil
            context.session.provisionNames = [:]
            context.emitDone("provisioning as vendor \(name)")
        }
    )

    static let show = CommandSpec(
        words: ["provision", "vendor", "show"],
        abstract: "Show the vendor the session provisions for, and the vendor name of the authenticated client",
        body: { context in
            if let problem = context.session.vendorProblem { throw problem }
            let vendor = context.session.vendor
            var registered = ""
            if let cik = context.session.auth?.cik {
                do {
                    let answer = try await context.provisionClient(auth: nil).registeredVendor(cik: cik)
                    registered = answer.status == 200 ? answer.text : ""
                } catch is ProvisionError {
                    // A client the platform does not know as a vendor simply has no vendor name.
                    registered = ""
                }
            }
            let row: [JSON] = [.string(vendor?.credentials.name ?? ""), .string(vendor?.source ?? "none"), .string(registered)]
            context.emit(.table(Table(columns: ["vendor", "credentials", "registered"], rows: [row])))
        }
    )

    static let register = CommandSpec(
        words: ["provision", "vendor", "register"],
        abstract: "Register the authenticated client as a vendor under a name",
        positionals: [PositionalSpec(name: "NAME", help: "the vendor name")],
        examples: ["provision vendor register acme"],
        effect: .changes,
        body: { context in
            let name = context.arguments.required("NAME")
            _ = try await context.provisionClient(auth: nil).register(vendor: name, cik: try sessionCIK(context))
            context.emitDone("registered vendor \(name)")
        }
    )

    static let unregister = CommandSpec(
        words: ["provision", "vendor", "unregister"],
        abstract: "Remove the vendor name of the authenticated client",
        positionals: [PositionalSpec(name: "NAME", help: "the vendor name")],
        effect: .destroys,
        body: { context in
            let name = context.arguments.required("NAME")
            _ = try await context.provisionClient(auth: nil).unregister(vendor: name, cik: try sessionCIK(context))
            context.emitDone("unregistered vendor \(name)")
        }
    )

    /// Vendor registration names the client by its CIK, so the session must hold one.
    private static func sessionCIK(_ context: CommandContext) throws(ShellError) -> String {
        guard let auth = context.session.auth else { throw ShellError(.notAuthenticated) }
        guard let cik = auth.cik else { throw ShellError.failed("vendor registration needs a CIK: 'auth CIK' first, not a token") }
        return cik
    }
}

/// provision token list|create|show|delete: the vendor's named tokens.
enum ProvisionTokenCommands {
    static let list = CommandSpec(
        words: ["provision", "token", "list"],
        abstract: "List the ids of the vendor's tokens",
        body: { context in
            let answer = try await context.provisionClient().tokenList()
            context.emit(.table(ProvisionRows.table(answer.rows, columns: ["id"])))
        }
    )

    static let create = CommandSpec(
        words: ["provision", "token", "create"],
        abstract: "Make a vendor token under an id and show it",
        positionals: [PositionalSpec(name: "ID", help: "a name for the token")],
        examples: ["provision token create ci"],
        effect: .changes,
        body: { context in
            let answer = try await context.provisionClient().tokenCreate(id: context.arguments.required("ID"))
            context.emitValue("token", answer.text)
        }
    )

    static let show = CommandSpec(
        words: ["provision", "token", "show"],
        abstract: "Show the vendor token with an id",
        positionals: [PositionalSpec(name: "ID", help: "the token's id")],
        body: { context in
            let answer = try await context.provisionClient().tokenShow(id: context.arguments.required("ID"))
            context.emitValue("token", answer.text)
        }
    )

    static let delete = CommandSpec(
        words: ["provision", "token", "delete"],
        abstract: "Delete a vendor token",
        positionals: [PositionalSpec(name: "ID", help: "the token's id")],
        effect: .destroys,
        body: { context in
            let id = context.arguments.required("ID")
            _ = try await context.provisionClient().tokenDelete(id: id)
            context.emitDone("deleted token \(id)")
        }
    )
}
