import OneP
import OnePJSON

/// `read --follow`: new points of the followed resources as they arrive.
///
/// The platform holds one `wait` per resource; the first to answer triggers a read of them all, so a
/// burst on several resources still prints as one merged run of rows. A platform that does not
/// know `wait` is polled once a second instead.
extension ReadCommand {
    /// How long each wait is held before the platform answers `expire` and the follow asks again.
    static let followWaitMilliseconds = 300_000

    /// What ended one round of waits.
    enum FollowWake: Equatable {
        /// A point stamped at this time arrived on one of the resources.
        case point(Int)
        /// The platform does not know `wait`.
        case unsupported
    }

    /// Prints points newer than the last one seen until the command is cancelled.
    static func followed(_ resources: [ResourceID], since: Int?, sink: RowSink, context: CommandContext) async throws {
        // With nothing printed yet, a point stamped in this very second is still new.
        var last = since ?? context.now - 1
        var waits = true
        while true {
            try Task.checkCancellation()
            var until = context.now
            if waits {
                switch try await firstWake(resources, since: last, client: context.client()) {
                case .point(let timestamp):
                    // A point recorded ahead of the clock still counts: read up to it.
                    until = max(context.now, timestamp)
                case .unsupported:
                    waits = false
                    continue
                }
            } else {
                try await context.services.configuration.pause(.seconds(1))
                until = context.now
            }
            var pager = ReadPager(
                resources: resources, options: ReadOptions(starttime: last + 1, endtime: until, sort: .asc), limit: nil, chunk: 1000)
            while let rows = try await pager.next(client: context.client()) {
                last = rows.times.max() ?? last
                sink.send(rows)
            }
        }
    }

    /// Holds a wait on every resource at once and answers with the first that ends; the others are
    /// cancelled, which ends their requests on the platform too.
    static func firstWake(_ resources: [ResourceID], since: Int, client: PlatformClient) async throws -> FollowWake {
        try await withThrowingTaskGroup(of: FollowWake.self) { group in
            for resource in resources {
                group.addTask { try await wake(of: resource, since: since, client: client) }
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    /// One resource's wait, asked again each time it expires without a point.
    static func wake(of resource: ResourceID, since: Int, client: PlatformClient) async throws -> FollowWake {
        while true {
            try Task.checkCancellation()
            let result = try await client.batch([.wait(resource, timeoutMilliseconds: followWaitMilliseconds, since: since)])[0]
            if result.status == .failed("expire") { continue }
            if isUnknownProcedure(result) { return .unsupported }
            let point = try result.get()
            return .point(point?[0]?.intValue ?? since)
        }
    }

    /// A platform that lacks a procedure refuses the call with an error about the procedure itself,
    /// not its arguments or the resource.
    static func isUnknownProcedure(_ result: CallResult) -> Bool {
        guard !result.status.isOK else { return false }
        return result.error?["context"]?.stringValue == "procedure"
    }
}
