import OnePJSON

extension JSON {
    /// A timestamp argument in whole seconds: an integer exactly as given, a float rounded down;
    /// nil for anything else, including a float or an out-of-range number no 64-bit integer holds.
    ///
    /// Integers never pass through a double, which would turn `9223372036854775807` into a value
    /// out of range and `9007199254740993` into its neighbour.
    var timestampSeconds: Int? {
        switch self {
        case .int(let seconds): return seconds
        case .double(let number): return number.isFinite ? Int(exactly: number.rounded(.down)) : nil
        default: return nil
        }
    }
}
