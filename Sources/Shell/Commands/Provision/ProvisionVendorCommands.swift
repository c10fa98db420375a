import OneP
import OnePJSON

/// provision auth, provision vendor show|register|unregister: whom the provisioning commands act for.
enum ProvisionVendorCommands {
    static let vendor = Option<String>("vendor", "V", "the vendor's name")
    static let token = Option<String>("token", "T", "a token of that vendor", secret: true, variable: "ONEP_VENDOR_TOKEN")

    static let auth = CommandSpec(
        words: ["provision", "auth"],
        abstract: "Set the vendor the provision commands act for",
        discussion:
            "The token is checked with one request and kept for the session only. Without this, the shell uses ONEP_VENDOR and ONEP_VENDOR_TOKEN, then the config file's 'vendor: {name: V, token: T}', then the embedded platform's own vendor.",
        arguments: [vendor, token],
        examples: ["provision auth --vendor acme --token 0123456789abcdef0123456789abcdef01234567"],
        run: { context in
            guard let name = context[vendor] else {
                throw ShellError(.missingArgument(command: "provision auth", argument: "--vendor"))
            }
            guard let secret = context[token] else {
                throw ShellError(.missingArgument(command: "provision auth", argument: "--token"))
            }
            // A token that works lists the vendor's models; a wrong one is refused with 401.
            _ = try await context.provisionClient(auth: .token(secret)).modelList()
            context.session.vendor = VendorSession(credentials: VendorCredentials(name: name, token: secret), source: "provision auth")
            context.session.vendorProblem = nil
            context.session.provisionNames = [:]
            return .done("provisioning as vendor \(name)")
        }
    )

    static let show = CommandSpec(
        words: ["provision", "vendor", "show"],
        abstract: "Show the vendor the session provisions for, and the vendor name of the authenticated client",
        run: { context in
            if let problem = context.session.vendorProblem { throw problem }
            let current = context.session.vendor
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
            let row: [JSON] = [.string(current?.credentials.name ?? ""), .string(current?.source ?? "none"), .string(registered)]
            return .table(Table(columns: ["vendor", "credentials", "registered"], rows: [row]))
        }
    )

    static let vendorName = Argument<String>("NAME", "the vendor name")

    static let register = CommandSpec(
        words: ["provision", "vendor", "register"],
        abstract: "Register the authenticated client as a vendor under a name",
        arguments: [vendorName],
        examples: ["provision vendor register acme"],
        effect: .changes,
        run: { context in
            let name = context[vendorName]
            _ = try await context.provisionClient(auth: nil).register(vendor: name, cik: try sessionCIK(context))
            return .done("registered vendor \(name)")
        }
    )

    static let unregister = CommandSpec(
        words: ["provision", "vendor", "unregister"],
        abstract: "Remove the vendor name of the authenticated client",
        arguments: [vendorName],
        effect: .destroys,
        run: { context in
            let name = context[vendorName]
            try context.confirm(name, "the vendor name '\(name)'")
            _ = try await context.provisionClient(auth: nil).unregister(vendor: name, cik: try sessionCIK(context))
            return .done("unregistered vendor \(name)")
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
    static let newID = Argument<String>("ID", "a name for the token")
    static let id = Argument<String>("ID", "the token's id")

    static let list = CommandSpec(
        words: ["provision", "token", "list"],
        abstract: "List the ids of the vendor's tokens",
        run: { context in
            let answer = try await context.provisionClient().tokenList()
            return .table(ProvisionRows.table(answer.rows, columns: ["id"]))
        }
    )

    static let create = CommandSpec(
        words: ["provision", "token", "create"],
        abstract: "Make a vendor token under an id and show it",
        arguments: [newID],
        examples: ["provision token create ci"],
        effect: .changes,
        run: { context in
            let answer = try await context.provisionClient().tokenCreate(id: context[newID])
            return .made(Made("token", answer.text))
        }
    )

    static let show = CommandSpec(
        words: ["provision", "token", "show"],
        abstract: "Show the vendor token with an id",
        arguments: [id],
        run: { context in
            let answer = try await context.provisionClient().tokenShow(id: context[id])
            return .made(Made("token", answer.text))
        }
    )

    static let delete = CommandSpec(
        words: ["provision", "token", "delete"],
        abstract: "Delete a vendor token",
        arguments: [id],
        effect: .destroys,
        run: { context in
            let deleted = context[id]
            let client = try context.provisionClient()
            if context.asksBeforeDestroying {
                _ = try await client.tokenShow(id: deleted)
                try context.confirm(deleted, "the vendor token '\(deleted)'")
            }
            _ = try await client.tokenDelete(id: deleted)
            return .done("deleted token \(deleted)")
        }
    )
}
