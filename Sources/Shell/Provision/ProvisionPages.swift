import OneP

/// Listings the platform hands out a page at a time (serial numbers, groups), read in full for `--all`.
enum ProvisionPages {
    /// The largest page the platform gives.
    static let pageSize = 1000

    static let offset = Option<Int>("offset", "N", "skip the first N")
    static let limit = Option<Int>("limit", "N", "show at most N (default 1000)")
    static let all = Flag("all", "fetch every page, not only the first 1000 (a progress bar shows on a terminal)")

    /// `--offset` and `--limit`, or with `--all` every record from `--offset` on.
    static let options: [any ArgumentKey] = [offset, limit, all]
    /// `--offset` and `--limit` alone, for listings read one page at a time.
    static let paging: [any ArgumentKey] = [offset, limit]

    /// The records the paging options ask for, fetching page after page for `--all` until one
    /// comes back short.
    /// - Parameters:
    ///   - label: what the progress bar says it is fetching.
    ///   - fetch: one page from an offset, at most a limit long.
    static func records(
        _ context: CommandContext, label: String, fetch: (_ offset: Int, _ limit: Int) async throws -> ProvisionAnswer
    ) async throws -> [[String]] {
        if context[all], context[limit] != nil {
            throw DescriptionOptions.conflict(context.spec.name, "--limit", "cannot go with --all, which reads every page")
        }
        let (first, most) = try page(context)
        return try await records(context, label: label, from: first, wanted: context[all] ? Int.max : most, fetch: fetch)
    }

    /// At most `wanted` records from `first` on. The platform pages 5 to 1000 at a time: a smaller
    /// number takes the start of a page of 5, a larger one reads pages until it has enough.
    static func records(
        _ context: CommandContext, label: String, from first: Int, wanted: Int,
        fetch: (_ offset: Int, _ limit: Int) async throws -> ProvisionAnswer
    ) async throws -> [[String]] {
        if wanted <= pageSize { return Array(try await fetch(first, max(5, wanted)).rows.prefix(wanted)) }
        let bar = context.progress(label, total: nil)
        defer { bar.finish() }
        var records: [[String]] = []
        var next = first
        while true {
            let batch = try await fetch(next, pageSize).rows
            records += batch.prefix(wanted - records.count)
            bar.update(records.count)
            guard batch.count == pageSize, records.count < wanted else { return records }
            next += batch.count
        }
    }

    /// `--offset` and `--limit`, checked against what the platform accepts.
    static func page(_ context: CommandContext) throws(ShellError) -> (offset: Int, limit: Int) {
        let first = context[offset] ?? 0
        let most = context[limit] ?? 1000
        guard first >= 0 else {
            throw ShellError(.invalidValue(command: context.spec.name, argument: "--offset", value: String(first), expected: "0 or more"))
        }
        guard most > 0 else {
            throw ShellError(.invalidValue(command: context.spec.name, argument: "--limit", value: String(most), expected: "1 or more"))
        }
        return (first, most)
    }
}
