import OnePJSON
import Testing

@testable import OnePlatform

/// The cache of parsed descriptions stays full once full: a tree larger than it, asked about in
/// turn, still finds most descriptions parsed (it once emptied itself and never hit).
@Suite("Description cache")
struct DescriptionCacheTests {
    /// Row ids no database of these tests hands out.
    private static let firstID: Int64 = 1 << 50

    @Test func passingTheCapacityDropsOneEntryAtATime() {
        let extra = 100
        for offset in 0..<(DescriptionCache.capacity + extra) {
            let id = Self.firstID + Int64(offset)
            _ = DescriptionCache.object(id: id, text: Array(#"{"name":"r\#(offset)"}"#.utf8))
        }
        #expect(DescriptionCache.count == DescriptionCache.capacity)
    }

    @Test func aChangedTextIsParsedAgain() {
        let id = Self.firstID - 1
        let before = DescriptionCache.object(id: id, text: Array(#"{"name":"before"}"#.utf8))
        let after = DescriptionCache.object(id: id, text: Array(#"{"name":"after"}"#.utf8))
        #expect(before["name"] == "before")
        #expect(after["name"] == "after")
        #expect(DescriptionCache.object(id: id, text: Array(#"{"name":"after"}"#.utf8))["name"] == "after")
    }
}
