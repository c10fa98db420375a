import OneP

/// Listings the platform hands out a page at a time (serial numbers, groups), read in full for `--all`.
enum ProvisionPages {
    /// The largest page the platform gives.
    static let pageSize = 1000

    /// `--offset` and `--limit`, or with `--all` every record from `--offset` on.
    static let options: [OptionSpec] = [
        .value("offset", "N", "skip the first N", type: .integer),
        .value("limit", "N", "show at most N (5 to 1000, default 1000)", type: .integer),
        .flag("all", "fetch every page, not only the first 1000 (a progress bar shows on a terminal)"),
    ]

    /// The records the paging options ask for, fetching page after page for `--all` until one
    /// comes back short.
    /// - Parameters:
    ///   - label: what the progress bar says it is fetching.
    ///   - fetch: one page from an offset, at most a limit long.
    static func records(
        _ context: CommandContext, label: String, fetch: (_ offset: Int, _ limit: Int) async throws -> ProvisionAnswer
    ) async throws -> [[String]] {
        let (offset, limit) = try ProvisionGroupCommands.page(context)
        guard context.arguments.flag("all") else { return try await fetch(offset, limit).rows }
        if context.arguments.option("limit") != nil {
            throw DescriptionOptions.conflict(context.spec.name, "--limit", "cannot go with --all, which reads every page")
        }
        let bar = context.progress(label, total: nil)
        defer { bar.finish() }
        var records: [[String]] = []
        var next = offset
        while true {
            let page = try await fetch(next, pageSize).rows
            records += page
            bar.update(records.count)
            guard page.count == pageSize else { return records }
            next += page.count
        }
    }
}
