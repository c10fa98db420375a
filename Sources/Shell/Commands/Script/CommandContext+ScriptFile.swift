/// `--script-file` of `create` and `update`: the source comes from a file, and a syntax error in
/// it is reported against the file, as `script upload` reports it.
extension CommandContext {
    /// The source `--script-file` names; nil when it was not given.
    func scriptFileSource() throws(ShellError) -> String? {
        guard let path = arguments[DescriptionOptions.scriptFile] else { return nil }
        return try ScriptSource.read(path, home: services.environment["HOME"])
    }

    /// After a change that gave the script `rid` the source of `--script-file`: fails with
    /// `FILE:LINE: message` when the platform could not compile it.
    func checkScriptFile(rid: String, name: String) async throws {
        guard let path = arguments[DescriptionOptions.scriptFile] else { return }
        let state = try await scriptState(rid: rid, path: name)
        if state.status == "error" { throw state.uploadFailure(file: path) }
    }
}
