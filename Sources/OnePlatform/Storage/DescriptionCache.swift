import OnePJSON
import Synchronization

/// Descriptions parsed lately, by resource row id, kept with the text they were parsed from.
///
/// Every request parses its caller's description, and a batch that writes to the same resources
/// every second parses theirs each time. A description is found again only when its stored text
/// is the same, byte for byte, so whatever database a row id came from the answer is the parse
/// of exactly this text. The cache holds a bounded number of entries and starts afresh when full.
enum DescriptionCache {
    private struct Entry {
        let text: [UInt8]
        let object: JSONObject
    }

    static let capacity = 2_048

    // Guards the entries; requests run on many threads at once.
    private static let entries = Mutex<[Int64: Entry]>([:])

    /// The parsed description of the resource `id` whose stored text is `text`.
    static func object(id: Int64, text: [UInt8]) -> JSONObject {
        if let entry = entries.withLock({ $0[id] }), entry.text == text { return entry.object }
        let object = (try? JSON(parsing: text))?.objectValue ?? JSONObject()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = Entry(text: text, object: object)
        }
        return object
    }
}
