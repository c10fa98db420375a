import OneP
import OnePJSON

/// Carries out a ``TemplatePlan``: new subtrees first (limits checked, scripts last, as `load`
/// builds them), then description updates, aliases and initial values, each step in one request
/// (aliases in one per owning client). When a step is refused, what was created is dropped and
/// what was updated or mapped is put back, so a failing apply leaves the client as it found it.
enum TemplateApplier {
    /// What an apply did, to be put back when a later step (or a later client's apply) is refused.
    struct Applied {
        var roots: [String] = []
        var updated: [TemplatePlan.Update] = []
        var mapped: [(owner: String, alias: String)] = []
        var tagged: [(rid: String, tag: String)] = []
    }

    /// - Returns: what it did, for ``undo(_:context:)``.
    @discardableResult
    static func apply(_ plan: TemplatePlan, at target: ResolvedResource, context: inout CommandContext) async throws -> Applied {
        var created: [String: String] = [:]
        var done = Applied()
        let client = try context.client()
        do {
            for creation in plan.creations {
                let owner = ResolvedResource(segments: target.segments + creation.owner, root: target.root)
                let outcome = try await SubtreePlacement.place(
                    creation.roots, under: owner, points: nil, command: "template apply", context: &context)
                created.merge(outcome.created) { first, _ in first }
                done.roots += outcome.roots
            }
            func real(_ value: JSON) -> JSON {
                switch value {
                case .string(let rid): return .string(created[rid] ?? rid)
                case .array(let items): return .array(items.map(real))
                default: return value
                }
            }
            if !plan.updates.isEmpty {
                let calls: [Call] = plan.updates.map { update in
                    .update(.rid(update.rid), description: .object(JSONObject(update.fields.map { ($0.key, real($0.value)) })))
                }
                for (update, result) in zip(plan.updates, try await client.batch(calls)) {
                    _ = try result.get()
                    done.updated.append(update)
                }
            }
            var byOwner: [String: [(rid: String, alias: String)]] = [:]
            for map in plan.maps { byOwner[map.owner, default: []].append((map.rid, map.alias)) }
            for (owner, aliases) in byOwner.sorted(by: { $0.key < $1.key }) {
                let acting = try context.client(actingAs: owner)
                for (item, result) in zip(aliases, try await acting.batch(aliases.map { .map(.rid($0.rid), alias: $0.alias) })) {
                    _ = try result.get()
                    done.mapped.append((owner, item.alias))
                }
            }
            if !plan.tags.isEmpty {
                for (item, result) in zip(plan.tags, try await client.batch(plan.tags.map { .tag(.rid($0.rid), .add, $0.tag) })) {
                    _ = try result.get()
                    done.tagged.append(item)
                }
            }
            if !plan.writes.isEmpty {
                for result in try await client.batch(plan.writes.map { .write(.rid(created[$0.rid] ?? $0.rid), value: $0.value) }) {
                    _ = try result.get()
                }
            }
        } catch {
            await undo(done, context: context)
            throw error
        }
        return done
    }

    /// Puts back what an apply changed; best effort, as the platform allows. Initial values written
    /// to dataports that existed stay: the platform keeps points.
    static func undo(_ done: Applied, context: CommandContext) async {
        guard let client = try? context.client() else { return }
        var calls: [Call] = done.roots.map { .drop(.rid($0)) }
        calls += done.updated.map { .update(.rid($0.rid), description: .object($0.previous)) }
        calls += done.tagged.map { .tag(.rid($0.rid), .remove, $0.tag) }
        if !calls.isEmpty { _ = try? await client.batch(calls) }
        for (owner, alias) in done.mapped {
            guard let acting = try? context.client(actingAs: owner) else { continue }
            _ = try? await acting.batch([.unmap(.me, alias: alias)])
        }
    }
}
