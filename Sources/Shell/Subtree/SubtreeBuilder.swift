import OneP
import OnePJSON

/// Creates copies of subtrees under a client, with fresh RIDs, in a number of requests that grows
/// with the depth of the subtree (and a request per thousand resources of a level), not with its size.
///
/// Order matters: resources are created without `subscribe` and `preprocess`, which are set in
/// one last request with the new RIDs, so restored points are neither preprocessed twice nor
/// published; scripts are created after the other resources have their aliases and points, so a
/// script that starts by looking up an alias finds it and sees no history arrive. Anything that
/// fails drops what was created, so a failing command changes nothing.
struct SubtreeBuilder {
    /// The platform the copy goes to, as the session (or `--to-cik`) is.
    let client: PlatformClient
    /// The same platform acting as one of its clients (for `map`, which works in the caller's namespace).
    let actingAs: @Sendable (String) throws -> PlatformClient
    /// References to resources outside the subtree stay (same platform) or are left out (another one).
    var keepsOutsideReferences = true
    /// Creates per request.
    var chunkSize = 1_000
    var progress: ProgressBar? = nil

    /// Points to restore: called with the old RIDs of resources that keep their points, it hands
    /// each page of one of them to `page`.
    typealias PointSource = @Sendable ([String], _ page: (String, [JSON]) async throws -> Void) async throws -> Void

    struct Outcome {
        /// New RID by old RID.
        var created: [String: String] = [:]
        /// The new RIDs of the roots.
        var roots: [String] = []
        var points = 0
        /// What could not be carried over, one line each.
        var notes: [String] = []
    }

    /// - Parameter destination: the new owner's RID.
    /// - Throws: ``ShellError`` or ``OnePError`` after dropping everything it created.
    func build(_ roots: [SubtreeResource], under destination: String, points: PointSource?) async throws -> Outcome {
        var outcome = Outcome()
        do {
            try await create(roots, under: destination, outcome: &outcome, points: points)
        } catch {
            if !outcome.roots.isEmpty { _ = try? await client.batch(outcome.roots.map { .drop(.rid($0)) }) }
            throw error
        }
        return outcome
    }

    private func create(_ roots: [SubtreeResource], under destination: String, outcome: inout Outcome, points: PointSource?) async throws {
        let all = roots.flatMap(\.all)
        let rootRIDs = Set(roots.map(\.rid))
        var owners = Owners(destination: destination, roots: rootRIDs)
        for resource in all {
            for child in resource.children { owners.ownerOf[child.rid] = resource.rid }
        }

        // Everything but scripts, a level at a time.
        var level = roots.filter { $0.script == nil }
        while !level.isEmpty {
            try await createBatch(level, owners: owners, outcome: &outcome)
            level = level.flatMap(\.children).filter { $0.script == nil }
        }
        try await mapAliases(all.filter { $0.script == nil }, owners: owners, outcome: outcome)
        if let points {
            outcome.points += try await restore(all.filter { $0.type == "dataport" }.map(\.rid), created: outcome.created, from: points)
        }
        let scripts = all.filter { $0.script != nil }
        if !scripts.isEmpty {
            try await createBatch(scripts, owners: owners, outcome: &outcome)
            try await mapAliases(scripts, owners: owners, outcome: outcome)
            if let points { outcome.points += try await restore(scripts.map(\.rid), created: outcome.created, from: points) }
        }
        try await annotate(all, outcome: outcome)
        try await connect(all, outcome: &outcome)
        let withoutPoints = all.filter { $0.type == "dispatch" || ($0.type == "datarule" && $0.script == nil) }
        if points != nil, !withoutPoints.isEmpty {
            outcome.notes.append(
                "points of \(withoutPoints.count) datarule\(withoutPoints.count == 1 ? "" : "s") and dispatch\(withoutPoints.count == 1 ? "" : "es") "
                    + "were not restored: the platform makes them from their inputs")
        }
        for found in SubtreeReferences.ridsInScripts(all) {
            outcome.notes.append("script '\(found.script)' names \(found.rid) by RID; a script's source is not rewritten")
        }
    }

    /// Creates resources whose owners exist, a chunk per request, remembering each new RID.
    private func createBatch(_ resources: [SubtreeResource], owners: Owners, outcome: inout Outcome) async throws {
        var start = 0
        while start < resources.count {
            try Task.checkCancellation()
            let chunk = Array(resources[start..<min(start + chunkSize, resources.count)])
            let calls: [Call] = chunk.map { resource in
                var description = resource.description
                description["subscribe"] = nil
                description["preprocess"] = nil
                return .create(
                    .rid(owners.newOwner(of: resource.rid, outcome.created) ?? ""), type: ResourceType(rawValue: resource.type),
                    description: .object(description))
            }
            let results = try await client.batch(calls)
            // Every RID made is remembered before any failure is reported, so all of them are dropped.
            for (resource, result) in zip(chunk, results) {
                guard result.status.isOK, let rid = result.result?.stringValue else { continue }
                outcome.created[resource.rid] = rid
                if owners.roots.contains(resource.rid) { outcome.roots.append(rid) }
            }
            for (resource, result) in zip(chunk, results) where !result.status.isOK {
                throw Self.refusal(result, creating: resource)
            }
            progress?.update(outcome.created.count)
            start += chunkSize
        }
    }

    /// Maps each resource's aliases in its new owner: one request per owner, all at once.
    private func mapAliases(_ resources: [SubtreeResource], owners: Owners, outcome: Outcome) async throws {
        var byOwner: [String: [Call]] = [:]
        for resource in resources where !resource.aliases.isEmpty {
            guard let new = outcome.created[resource.rid], let parent = owners.newOwner(of: resource.rid, outcome.created) else { continue }
            for alias in resource.aliases { byOwner[parent, default: []].append(.map(.rid(new), alias: alias)) }
        }
        let clients = try byOwner.keys.map { ($0, try actingAs($0)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (parent, acting) in clients {
                let calls = byOwner[parent] ?? []
                group.addTask {
                    for result in try await acting.batch(calls) where !result.status.isOK {
                        if result.status == .failed("inuse"), let alias = result.call.arguments.last?.stringValue {
                            throw ShellError.failed(
                                "the alias '\(alias)' is already taken where the copy goes: unmap it or choose another client; nothing was created")
                        }
                        _ = try result.get()
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Tags and comments, in one request.
    private func annotate(_ resources: [SubtreeResource], outcome: Outcome) async throws {
        var calls: [Call] = []
        for resource in resources {
            guard let new = outcome.created[resource.rid] else { continue }
            calls += resource.tags.map { .tag(.rid(new), .add, $0) }
            for comment in resource.comments {
                guard let visibility = comment[0]?.stringValue.flatMap(CommentVisibility.init(rawValue:)), let text = comment[1]?.stringValue else {
                    continue
                }
                calls.append(.comment(.rid(new), visibility, text))
            }
        }
        guard !calls.isEmpty else { return }
        for result in try await client.batch(calls) { _ = try result.get() }
    }

    /// Sets `subscribe` and `preprocess` with the new RIDs, in one request.
    private func connect(_ resources: [SubtreeResource], outcome: inout Outcome) async throws {
        var calls: [Call] = []
        for resource in resources {
            guard let new = outcome.created[resource.rid] else { continue }
            var dropped: [String] = []
            let fields = SubtreeReferences.remapped(resource.description, outcome.created, keepsOutside: keepsOutsideReferences, dropped: &dropped)
            for rid in dropped {
                outcome.notes.append("'\(SubtreeReferences.label(resource))' refers to \(rid) outside the copy; that reference was left out")
            }
            if !fields.isEmpty { calls.append(.update(.rid(new), description: .object(fields))) }
        }
        guard !calls.isEmpty else { return }
        for result in try await client.batch(calls) { _ = try result.get() }
    }

    /// Records the points of the given resources into their copies, a page per request.
    private func restore(_ rids: [String], created: [String: String], from source: PointSource) async throws -> Int {
        guard !rids.isEmpty else { return 0 }
        var total = 0
        try await source(rids) { rid, page in
            guard let new = created[rid] else { return }
            let entries = page.compactMap { point in point[0]?.intValue.map { ($0, point[1] ?? .null) } }
            let result = try await client.batch([.recordbatch(.rid(new), entries)])[0]
            if case .refusedPoints(let refused) = result.status {
                throw ShellError.failed(
                    "the platform refused \(refused.count) point\(refused.count == 1 ? "" : "s") of \(rid), e.g. at \(refused[0].timestamp)")
            }
            _ = try result.get()
            total += entries.count
        }
        return total
    }

    /// A refused create, in the user's terms.
    static func refusal(_ result: CallResult, creating resource: SubtreeResource) -> any Error {
        let what = "\(resource.type) '\(SubtreeReferences.label(resource))'"
        switch result.status {
        case .failed("limit"):
            return ShellError.failed(
                "creating \(what) reached a limit of its owner (its \(resource.type) limit, or a limit it hands down); nothing was created")
        case .failed("invalid"), .failed("badarg"):
            return ShellError.failed("the platform found the description of \(what) invalid; nothing was created")
        default:
            do {
                _ = try result.get()
                return ShellError.failed("creating \(what) failed")
            } catch {
                return error
            }
        }
    }
}

/// Who owns each resource of the copy: the destination for the roots, else the copy of the
/// resource's owner once it is created.
private struct Owners {
    let destination: String
    let roots: Set<String>
    /// Old owner RID by old RID.
    var ownerOf: [String: String] = [:]

    func newOwner(of rid: String, _ created: [String: String]) -> String? {
        roots.contains(rid) ? destination : ownerOf[rid].flatMap { created[$0] }
    }
}
