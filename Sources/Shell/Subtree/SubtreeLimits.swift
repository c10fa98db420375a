import OneP
import OnePJSON

/// The count limits a new subtree needs, checked before anything is created so that a load, copy
/// or template that does not fit changes nothing and says which limit stands in the way.
///
/// The arithmetic is the platform's: a client uses what it owns plus, for each client it owns,
/// that client's limit when it is a number (handed down whole) or that client's own use when it
/// is `"inherit"`; a limit never set is 0.
enum SubtreeLimits {
    static let counted = ["client", "dataport", "datarule", "dispatch"]

    /// What a resource draws from the client it is created under.
    static func draw(_ resource: SubtreeResource) -> [String: Int] {
        guard resource.isClient else { return [resource.type: 1] }
        let used = usage(resource)
        var amounts: [String: Int] = [:]
        for type in counted {
            let handed = limit(resource.description, type) ?? used[type, default: 0]
            amounts[type] = handed + (type == "client" ? 1 : 0)
        }
        return amounts
    }

    /// What a client of the subtree uses: its own resources and what its clients draw.
    static func usage(_ client: SubtreeResource) -> [String: Int] {
        var amounts: [String: Int] = [:]
        for child in client.children {
            for (type, amount) in draw(child) { amounts[type, default: 0] += amount }
        }
        return amounts
    }

    /// A client's numeric limit of a type; nil for `"inherit"`.
    static func limit(_ description: JSONObject, _ type: String) -> Int? {
        let value = description["limits"]?[type]
        if value?.stringValue == "inherit" { return nil }
        return value?.intValue ?? 0
    }

    /// The first client of the subtree whose own limit is below what it holds, described.
    static func innerProblem(_ roots: [SubtreeResource]) -> String? {
        for client in roots.flatMap(\.all) where client.isClient {
            let used = usage(client)
            for type in counted {
                if let limit = limit(client.description, type), used[type, default: 0] > limit {
                    return
                        "client '\(SubtreeReferences.label(client))' allows \(limit) \(type)\(limit == 1 ? "" : "s") but holds \(used[type, default: 0])"
                }
            }
        }
        return nil
    }

    /// Checks that `roots` fit under the first client of `chain` (the destination, then its
    /// owners as far as the caller sees). One request reads the chain's descriptions; a second
    /// reads the use of only those clients whose numeric limit governs a type the subtree needs.
    /// A client's use counts everything below it, so asking it of a client whose limits are all
    /// `"inherit"` (the root, say) would read the whole platform for nothing.
    /// - Throws: ``ShellError`` naming the limit; ``OnePError`` when the platform refuses.
    static func check(_ roots: [SubtreeResource], chain: [(id: ResourceID, name: String)], client: PlatformClient, command: String) async throws {
        if let problem = innerProblem(roots) { throw ShellError.failed("\(command): \(problem): nothing was created") }
        var need: [String: Int] = [:]
        for root in roots {
            for (type, amount) in draw(root) { need[type, default: 0] += amount }
        }
        let answers = try await client.batch(chain.map { .info($0.id, options: [.basic, .description]) })
        let destination = try answers[0].get()
        if let type = destination?["basic"]?["type"]?.stringValue, type != "client" {
            throw ShellError.failed("\(command): '\(chain[0].name)' is a \(type); resources can only be created under a client")
        }
        // For each type needed, the first link with a numeric limit; a chain of "inherit" (or one
        // the caller cannot read further) limits nothing the caller can see.
        var governing: [(type: String, link: Int, allowed: Int)] = []
        for type in counted where need[type, default: 0] > 0 {
            for (index, answer) in answers.enumerated() {
                guard answer.status.isOK, let description = answer.result?["description"]?.objectValue else { break }
                guard let allowed = limit(description, type) else { continue }
                governing.append((type, index, allowed))
                break
            }
        }
        let links = Array(Set(governing.map(\.link))).sorted()
        guard !links.isEmpty else { return }
        let usages = try await client.batch(links.map { .info(chain[$0].id, options: [.usage]) })
        var used: [Int: JSON] = [:]
        // A use the caller may not read leaves that limit to the platform, which refuses the create.
        for (link, answer) in zip(links, usages) where answer.status.isOK { used[link] = answer.result?["usage"] }
        for (type, link, allowed) in governing {
            guard let usage = used[link] else { continue }
            let inUse = usage[type]?.intValue ?? 0
            let wanted = need[type, default: 0]
            if inUse + wanted > allowed {
                throw ShellError.failed(
                    "\(command): the \(type) limit of '\(chain[link].name)' is \(allowed) with \(inUse) in use, and this needs \(wanted) more: "
                        + "raise the limit or choose another client; nothing was created")
            }
        }
    }
}
