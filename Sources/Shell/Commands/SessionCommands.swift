import OneP
import OnePJSON

/// auth, whoami, connect: who the shell talks to and as whom.
enum SessionCommands {
    static let key = Argument<String>(
        "CIK|KEYNAME", "a 40-hex CIK or a name from 'keys', optionally with :cRID or :rRID", secret: true, completion: .keyName)
    static let actingClient = Option<String>("client", "RID", "act as this descendant client")
    static let actingOwner = Option<String>("resource", "RID", "act as the owner of this resource")

    static let auth = CommandSpec(
        words: ["auth"],
        abstract: "Authenticate with a CIK or a saved key name",
        discussion:
            "The session then acts as that client: '/' is that client. --client (or KEY:cRID) acts as a descendant client, --resource (or KEY:rRID) as the owner of a resource.",
        arguments: [key, actingClient, actingOwner],
        examples: ["auth 0123456789abcdef0123456789abcdef01234567", "auth mydevice", "auth root --client 89ab...", "auth root:c89ab..."],
        run: { context in
            let given = try context.services.keyStore.credentials(context[key])
            let auth = Auth.cik(
                given.cik, clientID: context[actingClient] ?? given.clientID, resourceID: context[actingOwner] ?? given.resourceID)
            return try await authenticate(&context, auth: auth, label: given.label)
        }
    )

    static let token = Argument<String>("TOKEN", "the 40-character token", secret: true)
    static let grantClient = Option<String>("client", "RID", "act as this client of the grant")

    static let authToken = CommandSpec(
        words: ["auth", "token"],
        abstract: "Authenticate with a token from 'grant'",
        arguments: [token, grantClient],
        run: { context in
            try await authenticate(&context, auth: .token(context[token], clientID: context[grantClient]), label: "a token")
        }
    )

    /// Checks the credentials with one lookup of the caller, then starts at its root.
    static func authenticate(_ context: inout CommandContext, auth: Auth, label: String) async throws -> CommandOutput {
        let client = RPCClient(transport: context.session.endpoint.transport, auth: auth)
        let answer = try await client.call(.lookup(.me, .alias("")))
        guard let rid = answer?.stringValue else { throw OnePError.malformedAnswer("lookup of the caller gave no RID") }
        context.session.auth = auth
        context.session.authLabel = label
        context.session.resetLocation()
        context.session.root = PathSegment(rid: rid, name: label)
        return .message("authenticated as \(label) (\(rid))")
    }

    static let whoami = CommandSpec(
        words: ["whoami"],
        abstract:
            "Show the endpoint, the credentials' name, the current path and, for the embedded platform, which process runs its timers and scripts",
        run: { context in
            guard context.session.auth != nil else { throw ShellError(.notAuthenticated) }
            let root = try await context.root()
            let session = context.session
            var row: [JSON] = [.string(session.endpoint.description), .string(session.authLabel), .string(root.rid), .string(session.pathText)]
            var columns = ["endpoint", "auth", "rid", "path"]
            var labels = ["endpoint", "auth", "client", "path"]
            // On a data directory several processes share, one of them runs the timers and scripts.
            if let owner = session.endpoint.backgroundWorkOwner {
                row.append(.string(owner()))
                columns.append("timers_and_scripts")
                labels.append("timers and scripts")
            }
            return .table(Table(columns: columns, rows: [row], text: .labelled(labels)))
        }
    )

    static let target = Argument<String>("local|URL", "'local' or an http(s) URL", completion: .values(["local"]))

    static let connect = CommandSpec(
        words: ["connect"],
        abstract: "Talk to the embedded platform (local) or to a platform at a URL",
        discussion: "Connecting forgets the credentials: authenticate again afterwards.",
        arguments: [target],
        examples: ["connect local", "connect https://m2.exosite.com"],
        run: { context in
            let place = context[target]
            var endpoint: Endpoint
            if place == "local" {
                guard let open = context.services.configuration.localEndpoint else {
                    throw ShellError.failed("this onep has no embedded platform: connect to a URL")
                }
                endpoint = try await open()
                endpoint.transport = CountingTransport(base: endpoint.transport, counter: context.services.counter, spinner: context.services.spinner)
            } else {
                guard place.hasPrefix("http://") || place.hasPrefix("https://") else {
                    throw ShellError(
                        .invalidValue(command: "connect", argument: "local|URL", value: place, expected: "'local' or an http:// or https:// URL"))
                }
                endpoint = context.services.configuration.remoteEndpoint(place)
                endpoint.changeTimeout?(context.session.settings.timeoutDuration)
                endpoint.transport = CountingTransport(base: endpoint.transport, counter: context.services.counter, spinner: context.services.spinner)
                do {
                    try await checkIsPlatform(endpoint)
                } catch {
                    // The session stays where it was.
                    await endpoint.close()
                    throw error
                }
            }
            await context.session.endpoint.close()
            context.session.endpoint = endpoint
            context.session.auth = nil
            context.session.authLabel = ""
            context.session.resetLocation()
            // Names learnt on the other platform mean nothing here.
            context.session.pathCaches.removeAll()
            context.session.useInitialVendor(environment: context.services.environment)
            context.session.provisionNames = [:]
            return .message("connected to \(endpoint.description)")
        }
    )

    /// Asks `endpoint` something every One Platform answers (who a made-up CIK is): any JSON-RPC
    /// answer, a refusal of the credentials included, shows a platform is there.
    /// - Throws: `OnePError` saying it is unreachable or not a One Platform.
    static func checkIsPlatform(_ endpoint: Endpoint) async throws {
        let probe = RPCClient(transport: endpoint.transport, auth: .cik(String(repeating: "0", count: 40)))
        do {
            _ = try await probe.batch([.lookup(.me, .alias(""))])
        } catch let error as OnePError where error.kind == .malformedAnswer {
            throw OnePError.unreachable(endpoint: endpoint.description, cause: "its answer is not JSON-RPC (\(error)): not a One Platform")
        } catch let error as OnePError where error.isTransportFailure {
            throw error
        } catch is CancellationError {
            // Ctrl-C before any answer came: nothing shows a platform is there.
            throw CancellationError()
        } catch {
            // A refusal is an answer: a platform is there.
        }
    }
}
