/// Decimal digits written straight into bytes, for output written a row at a time.
enum DecimalDigits {
    /// Appends `number` as `String(number)` writes it.
    static func append(_ number: Int, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // Room for the 20 digits of the largest magnitude.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: buffer[start...])
        }
    }

    /// Appends a number from 0 to 99 as two digits (`07`).
    static func appendTwo(_ number: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number / 10))
        output.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: number % 10))
    }
}
