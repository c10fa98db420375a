import GRDB
import OnePJSON

/// Write, read and hybrid on `/onep:v1/stack/alias`.
extension DataInterfaceEngine {
    /// Stores every written value at one timestamp, then reads the latest value of each read alias.
    ///
    /// Aliases the device has not mapped (or that name no dataport) are skipped, as the interface
    /// promises; a value its dataport cannot hold refuses the whole request and stores nothing.
    func exchange(_ request: DataInterfaceRequest, writes: [(name: String, value: String)], reads: [String]) async throws
        -> DataInterfaceResponse
    {
        let found: [(String, String)]
        if writes.isEmpty {
            found = try await database.read { db in
                try Self.latest(reads, in: try session(request, in: db, collecting: ChangeCollector()))
            }
        } else {
            found = try await writing { db, collector in
                let context = try session(request, in: db, collecting: collector)
                try Self.store(writes, in: context)
                return try Self.latest(reads, in: context)
            }
        }
        return found.isEmpty ? .noContent : .form(found)
    }

    private static func store(_ writes: [(name: String, value: String)], in context: CallContext) throws {
        var prepared: [(PointWriter, PointValue)] = []
        for (alias, text) in writes {
            guard let target = try dataport(alias, in: context) else { continue }
            let writer = try PointWriter(context: context, target: target)
            prepared.append((writer, try value(text, for: alias, with: writer)))
        }
        for (writer, value) in prepared { try writer.store(value, at: context.now) }
    }

    /// The latest value of each alias that has one, listed in the reverse of the order asked, as
    /// clients of the hosted platform expect.
    private static func latest(_ aliases: [String], in context: CallContext) throws -> [(String, String)] {
        var found: [(String, String)] = []
        for alias in aliases.reversed() {
            guard let target = try dataport(alias, in: context),
                let point = try Retention.latestReadable(context.db, resource: target, now: context.now)
            else { continue }
            found.append((alias, text(of: point.value, format: target.format)))
        }
        return found
    }

    /// The resource a device's alias names, when it keeps a time series; nil for anything else.
    static func dataport(_ alias: String, in context: CallContext) throws -> ResourceRecord? {
        let target: ResourceRecord
        do {
            target = try context.resource(.object(["alias": .string(alias)]))
        } catch is CallFailure {
            return nil
        }
        return target.type.keepsPoints ? target : nil
    }

    /// A form value as its dataport stores it.
    static func value(_ text: String, for alias: String, with writer: PointWriter) throws -> PointValue {
        let prepared: PointValue?
        do {
            prepared = try writer.prepare(.string(text))
        } catch is CallFailure {
            prepared = nil
        }
        guard let prepared else { throw DataInterfaceFailure.badRequest("\(alias) cannot hold the value \(text)") }
        return prepared
    }

    /// A stored value as form text: strings as they are, numbers as the RPC API writes them.
    static func text(of value: PointValue, format: DataFormat?) -> String {
        let json = value.json(as: format)
        return json.stringValue ?? json.serialized()
    }
}
