#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines that `-c` and `-f` options stand for, all read before the first one runs, so a
/// missing file is reported before anything has changed.
enum ScriptSource {
    static func lines(of steps: [ScriptStep]) throws(LaunchError) -> [String] {
        var lines: [String] = []
        var readStandardInput = false
        for step in steps {
            switch step {
            case .line(let line):
                lines.append(line)
            case .file("-"):
                // Standard input can be read once; a second `-f -` finds it empty.
                let text = readStandardInput ? "" : StandardStreams.readAll()
                readStandardInput = true
                lines += split(text)
            case .file(let path):
                lines += split(try read(path))
            }
        }
        return lines
    }

    /// A script's lines; a final newline does not make an extra empty line.
    static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func read(_ path: String) throws(LaunchError) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadableFile(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadableFile(path, reason: "it is a directory")
        }
        return StandardStreams.readAll(descriptor: descriptor)
    }
}
