import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines that `-c` and `-f` options stand for, all read before the first one runs, so a
/// missing file is reported before anything has changed.
enum ScriptSource {
    static func lines(of steps: [ScriptStep]) throws(LaunchError) -> [ScriptLine] {
        var lines: [ScriptLine] = []
        var readStandardInput = false
        for step in steps {
            switch step {
            case .line(let line):
                lines.append(ScriptLine(line))
            case .file("-"):
                // Standard input can be read once; a second `-f -` finds it empty.
                let text = readStandardInput ? "" : StandardStreams.readAll()
                readStandardInput = true
                lines += ScriptLine.lines(of: text, origin: "<stdin>")
            case .file(let path):
                lines += ScriptLine.lines(of: try read(path), origin: path)
            }
        }
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
