/// The text format of libedit's history files, so onep can append one entry without rewriting
/// the file and libedit (or another libedit program) can still load it.
///
/// The file starts with a marker line; each entry is one line in which white space, control
/// characters and backslashes are written as backslash escapes (libedit decodes them with
/// `strunvis`). Other characters, including non-ASCII UTF-8, are written as they are.
enum HistoryFileFormat {
    /// The first line of every history file libedit writes and accepts.
    static let header = "_HiStOrY_V2_\n"

    /// The file line for `entry`, with its newline.
    static func encode(_ entry: String) -> String {
        var encoded = ""
        for scalar in entry.unicodeScalars {
            switch scalar.value {
            case 0x5C:
                encoded += "\\\\"
            case 0...0x20, 0x7F:
                encoded += "\\" + octal(scalar.value)
            default:
                encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded + "\n"
    }

    /// Always three digits, so a digit that follows in the entry is not read as part of the escape.
    private static func octal(_ value: UInt32) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}
