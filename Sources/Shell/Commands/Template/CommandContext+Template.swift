import OnePJSON

/// What the `template` commands share: the template file read and checked, and the clients it
/// is held against (one path, or every client of a model).
extension CommandContext {
    /// Reads and checks a template file whole, before anything reaches the platform.
    func template(at path: String, ids: [String]? = nil) throws -> Template {
        let text: String
        do {
            text = try services.configuration.readFile(path)
        } catch {
            throw ShellError.file(path, "cannot be read: check the path (write one with 'template generate' or 'template example')")
        }
        return try TemplateReader.read(path: path, text: text, home: services.environment["HOME"], ids: ids)
    }

    /// The clients a template command works on: `PATH` (default: here), or with
    /// `--all-of-model MODEL` every client enabled for a serial number of that model.
    /// - Returns: each client with how messages name it (its path, and its serial number when
    ///   it comes from a model).
    mutating func templateTargets(path: String?, model: String?, command: String) async throws -> [(client: ResolvedResource, label: String)] {
        guard let model else {
            let target = try await resolve(path ?? ".")
            return [(target, target.text)]
        }
        if path != nil { throw DescriptionOptions.conflict(command, "--all-of-model", "takes the place of PATH: give one or the other") }
        let exact = model.map { "*?[]\\".contains($0) ? "\\\($0)" : String($0) }.joined()
        let pattern = try TextPattern(exact, regex: false, ignoresCase: false, option: "--all-of-model", command: command)
        let provisioned = try await ProvisionedClients.read(self, models: pattern)
        let rids = provisioned.clients(of: model)
        guard !rids.isEmpty else {
            throw ShellError.failed(
                "\(command): no client is enabled for a serial number of model '\(model)': see 'provision sn list \(model)' and 'provision model list'"
            )
        }
        var targets: [(ResolvedResource, String)] = []
        for rid in rids {
            let target = try await resolve(rid)
            targets.append((target, "\(target.text) (\(model) \(provisioned.byRID[rid]?.sn ?? "?"))"))
        }
        return targets
    }
}
