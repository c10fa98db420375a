import OnePJSON

/// Decimal digits written straight into bytes, for output written a row at a time.
enum DecimalDigits {
    /// Appends `number` as `String(number)` writes it.
    static func append(_ number: Int, to output: inout [UInt8]) {
        JSON.appendDigits(of: number, to: &output)
    }

    /// Appends a number from 0 to 99 as two digits (`07`).
    static func appendTwo(_ number: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number / 10))
        output.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number % 10))
    }
}
