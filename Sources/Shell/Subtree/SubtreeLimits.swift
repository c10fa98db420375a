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
    /// owners as far as the caller sees), asking the platform for their limits and use in one request.
    /// - Throws: ``ShellError`` naming the limit; ``OnePError`` when the platform refuses.
    static func check(_ roots: [SubtreeResource], chain: [(id: ResourceID, name: String)], client: PlatformClient, command: String) async throws {
        if let problem = innerProblem(roots) { throw ShellError.failed("\(command): \(problem): nothing was created") }
        var need: [String: Int] = [:]
        for root in roots {
            for (type, amount) in draw(root) { need[type, default: 0] += amount }
        }
        let answers = try await client.batch(chain.map { .info($0.id, options: [.basic, .description, .usage]) })
        let destination = try answers[0].get()
        if let type = destination?["basic"]?["type"]?.stringValue, type != "client" {
            throw ShellError.failed("\(command): '\(chain[0].name)' is a \(type); resources can only be created under a client")
        }
        for type in counted where need[type, default: 0] > 0 {
            for (index, link) in chain.enumerated() {
                guard answers[index].status.isOK, let info = answers[index].result, let description = info["description"]?.objectValue else { break }
                guard let allowed = limit(description, type) else { continue }
                let used = info["usage"]?[type]?.intValue ?? 0
                let wanted = need[type, default: 0]
                if used + wanted > allowed {
                    throw ShellError.failed(
                        "\(command): the \(type) limit of '\(link.name)' is \(allowed) with \(used) in use, and this needs \(wanted) more: "
                            + "raise the limit or choose another client; nothing was created")
                }
                break
            }
        }
    }
}
