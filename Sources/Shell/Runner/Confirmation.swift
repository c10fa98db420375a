import LineEditor
import OneP
import OnePJSON
import Synchronization

/// Where a command that destroys asks its question: the interactive loop installs a way to ask at
/// its terminal while a line runs; scripts install none, and nothing is asked.
final class Confirmations: Sendable {
    private let asker = Mutex<(@Sendable (String) -> Bool)?>(nil)

    /// Asks with `ask` (true for yes) until ``remove()``.
    func install(_ ask: @escaping @Sendable (String) -> Bool) {
        asker.withLock { $0 = ask }
    }

    func remove() {
        asker.withLock { $0 = nil }
    }

    var canAsk: Bool { asker.withLock { $0 != nil } }

    /// The answer to `question`, or nil when nobody can be asked.
    func ask(_ question: String) -> Bool? {
        guard let ask = asker.withLock({ $0 }) else { return nil }
        return ask(question)
    }
}

/// A line reader handed to ``Confirmations`` for the length of one line, while the interactive
/// loop that owns it waits for that line.
struct ReaderQuestion: @unchecked Sendable {
    let reader: any LineReader

    func ask(_ question: String) -> Bool {
        guard case .line(let answer) = reader.readLine(prompt: question) else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: " \t").lowercased())
    }
}

extension CommandContext {
    /// Asks at a terminal whether to go on, once the targets are found, saying what will go
    /// (`drop dev: client 'dev' (RID) with 3 resources and 4 points below it`). `--yes`, a script
    /// and `onep -c` never ask.
    /// - Parameters:
    ///   - subject: the words that named the target, as typed.
    ///   - what: what will go.
    /// - Throws: ``ShellError`` `declined` when the answer is not yes.
    func confirm(_ subject: String, _ what: String) throws(ShellError) {
        guard spec.effect == .destroys, !arguments[CommandSpec.yes] else { return }
        let question = "\(spec.name) \(subject): \(what): this cannot be undone. Continue? [y/N] "
        guard let answer = services.confirmations.ask(question) else { return }
        guard answer else { throw ShellError(.declined(command: spec.name)) }
    }

    /// Whether ``confirm(_:_:)`` would ask: worth finding out what will go only then.
    var asksBeforeDestroying: Bool {
        spec.effect == .destroys && !arguments[CommandSpec.yes] && services.confirmations.canAsk
    }

    /// What a resource is and holds, for a confirmation: its type, name, RID, and for a client the
    /// resources and points below it, for a dataport or datarule its points.
    func summary(of target: ResolvedResource) async throws -> String {
        let client = try client()
        let info = try await client.call(.info(target.id, options: [.basic, .description, .storage]))
        let type = info?["basic"]?["type"]?.stringValue ?? "resource"
        let name = info?["description"]?["name"]?.stringValue ?? target.name
        var text = "\(type) '\(name)' (\(target.rid))"
        if type == "client" {
            let (resources, points) = try await countBelow(target.rid)
            text += " with \(Self.plural(resources, "resource")) and \(Self.plural(points, "point")) below it"
        } else if let points = info?["storage"]?["count"]?.intValue {
            text += " with \(Self.plural(points, "point"))"
        }
        return text
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The resources under a client, at every depth, and the points they hold: a level at a time.
    private func countBelow(_ rid: String) async throws -> (resources: Int, points: Int) {
        let client = try client()
        var frontier = [rid]
        var resources = 0
        var points = 0
        while !frontier.isEmpty {
            let listings = try await client.batch(frontier.map { .listing(.rid($0), types: ResourceType.all, options: .init(owned: true)) })
            var clients: [String] = []
            var stored: [String] = []
            for listing in listings {
                let result = try listing.get()
                for type in ResourceType.all {
                    let rids = (result?[type.rawValue]?.arrayValue ?? []).compactMap(\.stringValue)
                    resources += rids.count
                    if type == .client { clients += rids } else { stored += rids }
                }
            }
            if !stored.isEmpty {
                let infos = try await client.batch(stored.map { .info(.rid($0), options: [.storage]) })
                for info in infos { points += info.result?["storage"]?["count"]?.intValue ?? 0 }
            }
            frontier = clients
        }
        return (resources, points)
    }
}
