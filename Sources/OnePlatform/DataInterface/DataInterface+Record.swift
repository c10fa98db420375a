import GRDB

/// `/onep:v1/stack/record` and `/onep:v1/stack/alias/<alias>`: values at the timestamps given.
extension DataInterfaceEngine {
    /// Stores all entries or none: two entries of an alias in the same second answer 409 with that
    /// alias and timestamp, a value its dataport cannot hold answers 400. Unknown aliases are skipped,
    /// as in writes. A negative timestamp counts back from now, as in the RPC API.
    func record(_ request: DataInterfaceRequest, entries: RecordEntries) async throws -> DataInterfaceResponse {
        try await writing { db, collector in
            let context = try session(request, in: db, collecting: collector)
            var prepared: [(PointWriter, Int, PointValue)] = []
            var collisions: [(alias: String, timestamp: String)] = []
            for group in entries.groups {
                guard let target = try Self.dataport(group.alias, in: context) else { continue }
                let writer = try PointWriter(context: context, target: target)
                var seen = Set<Int>()
                var collided = false
                for point in group.points {
                    guard let timestamp = writer.timestamp(.int(point.timestamp)) else {
                        throw DataInterfaceFailure.badRequest("\(point.timestamp) is not a unix timestamp")
                    }
                    if !seen.insert(timestamp).inserted, !collided {
                        collided = true
                        collisions.append((group.alias, String(point.timestamp)))
                    }
                    prepared.append((writer, timestamp, try Self.value(point.text, for: group.alias, with: writer)))
                }
            }
            guard collisions.isEmpty else { throw DataInterfaceFailure.conflict(collisions) }
            for (writer, timestamp, value) in prepared { try writer.store(value, at: timestamp) }
        }
        return .noContent
    }
}
