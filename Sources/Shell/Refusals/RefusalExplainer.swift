import OneP
import OnePJSON

/// Applies ``RefusalTable``: its cheap rules before a command sends anything, its other rules
/// once the platform refused, asking then (in one request) about the resources they concern.
enum RefusalExplainer {
    /// Refuses arguments the platform would refuse, naming the argument and the rule.
    /// - Throws: ``ShellError`` for the first row that finds a bad value.
    static func check(_ command: String, _ arguments: ParsedArguments, table: [Refusal] = RefusalTable.rows) throws(ShellError) {
        for row in table where row.commands.contains(command) {
            guard case .beforeSending(let test) = row.check, let finding = test(arguments) else { continue }
            throw ShellError(.refused(row.message(command: command, finding), beforeSending: true))
        }
    }

    /// A refusal of the platform said in the command's terms, or nil when no row explains it
    /// (the generic explanation of its status then stands).
    static func explain(_ error: any Error, context: inout CommandContext, table: [Refusal] = RefusalTable.rows) async -> ShellError? {
        guard let failure = error as? OnePError, case .failed(let status)? = failure.callStatus else { return nil }
        let command = context.spec.name
        let rows = table.filter { row in
            guard row.commands.contains(command), case .afterRefusal(let statuses, _, _) = row.check else { return false }
            return statuses.contains(status)
        }
        guard !rows.isEmpty else { return nil }
        var paths: [String] = []
        for row in rows {
            guard case .afterRefusal(_, let subjects, _) = row.check else { continue }
            for subject in subjects(context.arguments) where !paths.contains(subject.path) { paths.append(subject.path) }
        }
        let facts = await self.facts(about: paths, context: &context)
        for row in rows {
            guard case .afterRefusal(_, let subjects, let test) = row.check else { continue }
            for subject in subjects(context.arguments) {
                guard let known = facts[subject.path], let finding = test(known, subject, context.arguments) else { continue }
                return ShellError(.refused(row.message(command: command, finding), beforeSending: false))
            }
        }
        return nil
    }

    /// What the platform says of each path: one request for all that resolve.
    private static func facts(about paths: [String], context: inout CommandContext) async -> [String: ResourceFacts] {
        var facts: [String: ResourceFacts] = [:]
        var resolved: [(String, ResolvedResource)] = []
        for path in paths {
            do {
                resolved.append((path, try await context.resolve(path)))
            } catch let error as OnePError {
                facts[path] = ResourceFacts(path: path, status: error.callStatus.flatMap(\.failureWord) ?? "unreachable", info: nil, rid: nil)
            } catch {
                facts[path] = ResourceFacts(path: path, status: "notfound", info: nil, rid: nil)
            }
        }
        guard !resolved.isEmpty, let client = try? context.client(),
            let answers = try? await client.batch(resolved.map { .info($0.1.id, options: [.basic, .description, .counts]) })
        else { return facts }
        for ((path, resource), answer) in zip(resolved, answers) {
            facts[path] = ResourceFacts(
                path: path, status: answer.status.failureWord ?? "ok", info: answer.result, rid: resource.rid,
                isCaller: resource.rid == context.session.root?.rid)
        }
        return facts
    }
}

extension CallStatus {
    /// The status word of a failure; nil for `ok`.
    fileprivate var failureWord: String? {
        if case .failed(let word) = self { return word }
        return nil
    }
}
