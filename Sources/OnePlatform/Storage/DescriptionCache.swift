import OnePJSON
import Synchronization

/// Descriptions parsed lately, by resource row id, kept with the text they were parsed from.
///
/// Every request parses its caller's description, and a batch that writes to the same resources
/// every second parses theirs each time. A description is found again only when its stored text
/// is the same, byte for byte, so whatever database a row id came from the answer is the parse
/// of exactly this text. The cache holds at most ``capacity`` entries; past it the entry that
/// came in first goes, one at a time, so a tree larger than the cache still finds most of what it
/// asks for again (an older cache emptied itself when full and, cycled over, never hit).
enum DescriptionCache {
    private struct Entry {
        let text: [UInt8]
        let object: JSONObject
    }

    /// The entries, and the order their row ids came in, as a ring.
    private struct Store {
        var entries: [Int64: Entry] = [:]
        var order: [Int64] = []
        /// The ring slot of the oldest id once the ring is full.
        var oldest = 0

        mutating func insert(_ entry: Entry, id: Int64) {
            if entries.updateValue(entry, forKey: id) != nil { return }
            if order.count < capacity {
                order.append(id)
                return
            }
            entries.removeValue(forKey: order[oldest])
            order[oldest] = id
            oldest = (oldest + 1) % capacity
        }
    }

    /// Enough for the descriptions of a few thousand resources (each entry holds its text and its
    /// parse, about a kilobyte for a typical description).
    static let capacity = 8_192

    // Guards the entries; requests run on many threads at once.
    private static let store = Mutex(Store())

    /// The parsed description of the resource `id` whose stored text is `text`.
    static func object(id: Int64, text: [UInt8]) -> JSONObject {
        if let entry = store.withLock({ $0.entries[id] }), entry.text == text { return entry.object }
        let object = (try? JSON(parsing: text))?.objectValue ?? JSONObject()
        store.withLock { $0.insert(Entry(text: text, object: object), id: id) }
        return object
    }

    /// How many descriptions are held now (for tests).
    static var count: Int {
        store.withLock { $0.entries.count }
    }
}
