import OneP
import OnePJSON

/// auth, whoami, connect: who the shell talks to and as whom.
enum SessionCommands {
    static let auth = CommandSpec(
        words: ["auth"],
        abstract: "Authenticate with a CIK or a saved key name",
        discussion:
            "The session then acts as that client: '/' is that client. --client acts as a descendant client, --resource as the owner of a resource.",
        positionals: [PositionalSpec(name: "CIK|KEYNAME", help: "a 40-hex CIK or a name from 'keys'", isSecret: true, completion: .keyName)],
        options: [
            .value("client", "RID", "act as this descendant client"),
            .value("resource", "RID", "act as the owner of this resource"),
        ],
        examples: ["auth 0123456789abcdef0123456789abcdef01234567", "auth mydevice", "auth root --client 89ab..."],
        body: { context in
            let given = context.arguments.required("CIK|KEYNAME")
            var cik = given
            var label = "a CIK"
            if !ResourcePath.isRID(given) {
                let keys = try context.services.keyStore.keys()
                guard let key = keys.first(where: { $0.name == given }) else {
                    throw ShellError(.unknownKey(given, known: keys.map(\.name)))
                }
                cik = key.cik
                label = given
            }
            let auth = Auth.cik(cik, clientID: context.arguments.option("client"), resourceID: context.arguments.option("resource"))
            try await authenticate(&context, auth: auth, label: label)
        }
    )

    static let authToken = CommandSpec(
        words: ["auth", "token"],
        abstract: "Authenticate with a token from 'grant'",
        positionals: [PositionalSpec(name: "TOKEN", help: "the 40-character token", isSecret: true)],
        options: [.value("client", "RID", "act as this client of the grant")],
        body: { context in
            let auth = Auth.token(context.arguments.required("TOKEN"), clientID: context.arguments.option("client"))
            try await authenticate(&context, auth: auth, label: "a token")
        }
    )

    /// Checks the credentials with one lookup of the caller, then starts at its root.
    static func authenticate(_ context: inout CommandContext, auth: Auth, label: String) async throws {
        let client = RPCClient(transport: context.session.endpoint.transport, auth: auth)
        let answer = try await client.call(.lookup(.me, .alias("")))
        guard let rid = answer?.stringValue else { throw OnePError.malformedAnswer("lookup of the caller gave no RID") }
        context.session.auth = auth
        context.session.authLabel = label
        context.session.resetLocation()
        context.session.root = PathSegment(rid: rid, name: label)
        context.emit(.message("authenticated as \(label) (\(rid))"))
    }

    static let whoami = CommandSpec(
        words: ["whoami"],
        abstract: "Show the endpoint, the credentials' name and the current path",
        body: { context in
            guard context.session.auth != nil else { throw ShellError(.notAuthenticated) }
            let root = try await context.root()
            let table = Table(
                columns: ["endpoint", "auth", "rid", "path"],
                rows: [
                    [
                        .string(context.session.endpoint.description), .string(context.session.authLabel), .string(root.rid),
                        .string(context.session.pathText),
                    ]
                ]
            )
            if context.session.settings.format == .text {
                var text = "endpoint: \(context.session.endpoint.description)\nauth: \(context.session.authLabel)\n"
                text += "client: \(root.rid)\npath: \(context.session.pathText)"
                context.emit(.message(text))
            } else {
                context.emit(.table(table))
            }
        }
    )

    static let connect = CommandSpec(
        words: ["connect"],
        abstract: "Talk to the embedded platform (local) or to a platform at a URL",
        discussion: "Connecting forgets the credentials: authenticate again afterwards.",
        positionals: [PositionalSpec(name: "local|URL", help: "'local' or an http(s) URL", completion: .values(["local"]))],
        examples: ["connect local", "connect https://m2.exosite.com"],
        body: { context in
            let target = context.arguments.required("local|URL")
            var endpoint: Endpoint
            if target == "local" {
                guard let open = context.services.configuration.localEndpoint else {
                    throw ShellError.failed("this onep has no embedded platform: connect to a URL")
                }
                endpoint = try await open()
            } else {
                guard target.hasPrefix("http://") || target.hasPrefix("https://") else {
                    throw ShellError(
                        .invalidValue(command: "connect", argument: "local|URL", value: target, expected: "'local' or an http:// or https:// URL"))
                }
                endpoint = context.services.configuration.remoteEndpoint(target)
            }
            endpoint.transport = CountingTransport(base: endpoint.transport, counter: context.services.counter)
            await context.session.endpoint.close()
            context.session.endpoint = endpoint
            context.session.auth = nil
            context.session.authLabel = ""
            context.session.resetLocation()
            context.session.useInitialVendor(environment: context.services.environment)
            context.session.provisionNames = [:]
            context.emit(.message("connected to \(endpoint.description)"))
        }
    )
}
