/// Completes scripts for the `script` commands from the children completion knows: a script's
/// path goes through clients (offered with a `/`) to the scripts of the last one; `--name` offers
/// the scripts of the client `--to` names, else of the current client.
struct ScriptCompletion {
    let paths: PathCompleter

    func candidates(_ source: CompletionSource, prefix: String, arguments: ParsedArguments) -> [String] {
        guard source == .scriptName else { return paths.candidates(for: prefix, offering: \.isScript) }
        let client = arguments[ScriptUploadCommand.owner].map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        return paths.candidates(for: client + prefix, offering: \.isScript)
            .filter { !$0.hasSuffix("/") && $0 != ".." }
            .map { String($0.dropFirst(client.count)) }
    }
}
