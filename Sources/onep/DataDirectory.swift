#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the embedded platform keeps its data when nothing else is said.
enum DataDirectory {
    /// The directory to use: the one given on the command line, else `$ONEP_DATA`, else
    /// `$XDG_DATA_HOME/onep`, else `~/.local/share/onep`.
    static func resolve(option: String?, environment: (String) -> String? = DataDirectory.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let explicit = environment("ONEP_DATA"), !explicit.isEmpty { return explicit }
        if let dataHome = environment("XDG_DATA_HOME"), !dataHome.isEmpty { return dataHome + "/onep" }
        let home = environment("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return (home.hasSuffix("/") ? home : home + "/") + ".local/share/onep"
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Creates the directory and any missing parents, readable only by the user (it holds keys).
    /// - Throws: ``DataDirectoryError`` naming the directory that could not be made.
    static func create(_ path: String) throws(DataDirectoryError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw DataDirectoryError(path: prefix, cause: String(cString: strerror(errno)))
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw DataDirectoryError(path: path, cause: "not a directory")
        }
    }
}

/// A data directory that could not be created or opened.
struct DataDirectoryError: Error, CustomStringConvertible {
    let path: String
    let cause: String

    var description: String { "cannot use data directory \(path): \(cause)" }
}
