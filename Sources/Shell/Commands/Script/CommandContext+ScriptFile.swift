/// `--script-file` of `create` and `update`: the source comes from a file, compiled first, so a
/// syntax error is reported against the file, as `script upload` reports it, and changes nothing.
extension CommandContext {
    /// The source `--script-file` names; nil when it was not given.
    func scriptFileSource() throws(ShellError) -> String? {
        guard let path = arguments[DescriptionOptions.scriptFile] else { return nil }
        return try ScriptSource.compiled(path, home: services.environment["HOME"])
    }
}
