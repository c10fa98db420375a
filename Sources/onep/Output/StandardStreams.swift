import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's standard streams, written with plain `write(2)` so output appears at once and a
/// closed pipe (`onep read ... | head`) ends onep quietly, as it ends any Unix filter.
enum StandardStreams {
    static func writeOut(_ text: String) {
        writeAll(text, to: STDOUT_FILENO)
    }

    static func writeErr(_ text: String) {
        writeAll(text, to: STDERR_FILENO)
    }

    /// One line on standard error, prefixed with the program name.
    static func complain(_ message: String) {
        writeErr("onep: \(message)\n")
    }

    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// Where the shell writes: results to standard output, messages to standard error.
    static var sink: OutputSink {
        OutputSink(isTerminal: isTerminal(STDOUT_FILENO), writeOut: writeOut, writeErr: writeErr)
    }

    /// Everything on standard input, as text.
    static func readAll(descriptor: Int32 = STDIN_FILENO) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                if errno == EPIPE {
                    // The reader went away: end as a filter does when its pipe closes.
                    signal(SIGPIPE, SIG_DFL)
                    raise(SIGPIPE)
                }
                return
            }
        }
    }
}
