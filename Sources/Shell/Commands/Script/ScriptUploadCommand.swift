import Foundation
import OneP
import OnePJSON

/// script upload: a Lua file becomes a script datarule, or the new source of the script of that name.
enum ScriptUploadCommand {
    static let file = Argument<String>("FILE", "the Lua file", completion: .luaFile)
    static let name = Option<String>("name", "NAME", "the script's name (default: the file's name)", completion: .scriptName)
    static let owner = Option<String>("to", "CLIENT", "the client the script belongs to (default: here)", type: .path)

    static let spec = CommandSpec(
        words: ["script", "upload"],
        abstract: "Upload a Lua file as a script, or as the new source of the script of that name",
        discussion:
            "Creates a script datarule named NAME (default: the file's name) under the current client or CLIENT, or, when that client has a script of that name, gives it the file as its new source, as exoline's 'script' does. The script runs from the top at once, even when the source is unchanged. The file is compiled first: a syntax error is shown as FILE:LINE: message and nothing is uploaded. 'script status NAME' shows whether it runs, 'script log NAME --follow' what it says.",
        arguments: [file, name, owner],
        examples: ["script upload convert.lua", "script upload alert.lua --name alert --to device1"],
        effect: .changes,
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        let path = context[file]
        let source = try ScriptSource.compiled(path, home: context.services.environment["HOME"])
        let scriptName = try checked(name: context[name] ?? (path as NSString).lastPathComponent)
        let ownerPath = context[owner] ?? "."
        let client = try await context.resolve(ownerPath)
        let found = try await existing(named: scriptName, under: client, context: &context)
        var calls: [Call] = [.info(client.id, options: [.basic])]
        if let found { calls.append(.info(.rid(found.rid), options: ScriptState.infoOptions)) }
        let answers = try await context.client().batch(calls)
        try checkOwner(answers[0], path: ownerPath)
        let rid: String
        let change: String
        if let found {
            guard let current = ScriptState(rid: found.rid, info: answers[1].result, newestLog: nil) else {
                _ = try answers[1].get()
                throw ShellError.failed(
                    "script upload: '\(scriptName)' is already \(ScriptState.what(answers[1].result)) here: choose another --name")
            }
            // The same source again still runs the script from the top: the platform starts a script
            // again whenever an update carries its rule.
            _ = try await context.client().call(.update(.rid(found.rid), description: ["rule": ["script": .string(source)]]))
            rid = found.rid
            change = current.source == source ? "restarted" : "updated"
        } else {
            let description: JSON = ["name": .string(scriptName), "format": "string", "rule": ["script": .string(source)]]
            let made = try await context.client().call(.create(client.id, type: .datarule, description: description))
            guard let made = made?.stringValue else { throw OnePError.malformedAnswer("create gave no RID") }
            rid = made
            change = "created"
        }
        // What the script does next (runs, waits, completes, fails) is 'script status' and 'script log'.
        let note = change == "restarted" ? " (its source is unchanged)" : ""
        return .made(
            Made(
                fields: ["name": .string(scriptName), "rid": .string(rid), "change": .string(change)],
                text: "\(change) script '\(scriptName)'\(note)"))
    }

    /// A script's name is one path segment, so the other `script` commands can name it.
    static func checked(name: String) throws(ShellError) -> String {
        var problem: String?
        if name.isEmpty || name == "." || name == ".." {
            problem = "a name"
        } else if name.contains("/") {
            problem = "a name without '/'"
        } else if ResourcePath.isRID(name) {
            problem = "a name, not a RID"
        }
        guard let problem else { return name }
        throw ShellError(.invalidValue(command: "script upload", argument: "--name", value: name, expected: problem))
    }

    /// The resource `name` leads to under `client`, or nil when nothing there goes by it.
    private static func existing(named name: String, under client: ResolvedResource, context: inout CommandContext) async throws
        -> ResolvedResource?
    {
        let path = client.segments.isEmpty ? "/" + name : client.rid + "/" + name
        do {
            return try await context.resolve(path)
        } catch let error as ShellError {
            if case .notFound = error.kind { return nil }
            throw error
        }
    }

    /// The owner must be a client within reach.
    private static func checkOwner(_ answer: CallResult, path: String) throws {
        let target = path == "." ? "the current client" : "'\(path)'"
        if [.failed("restricted"), .failed("noauth"), .failed("invalid")].contains(answer.status) {
            throw ShellError.failed("script upload: \(target) is outside what these credentials reach: --to names a client at or under /")
        }
        _ = try answer.get()
        let type = kind(answer.result)
        guard type == "client" else {
            throw ShellError.failed("script upload: \(target) is a \(type), not a client: scripts belong to clients (--to CLIENT)")
        }
    }

    private static func kind(_ info: JSON?) -> String {
        info?["basic"]?["type"]?.stringValue ?? "resource"
    }
}
