/// A small seedable generator (SplitMix64): the same seed gives the same run, so a failure that a
/// fuzz run prints can be run again.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound`; the helpers below use only this, never the standard library's
    /// `random(in:using:)`, whose algorithm may change between releases.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "an empty range has no element to pick")
        return Int(next() % UInt64(bound))
    }

    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// True with probability `percent` in 100.
    mutating func percent(_ percent: Int) -> Bool {
        below(100) < percent
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }
}
