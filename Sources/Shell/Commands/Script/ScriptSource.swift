import Foundation

/// A Lua file as the shell uploads it: read whole, checked to be text, with what the `lua`
/// command itself skips in a file (a UTF-8 byte order mark, a first line starting with `#`) made
/// harmless without moving any line, so the platform's line numbers are the file's.
enum ScriptSource {
    /// The source of the script in `path`, read as ``read(_:home:)`` reads it and compiled: a
    /// syntax error fails as `FILE:LINE: message`, before anything reaches the platform.
    static func compiled(_ path: String, home: String?) throws(ShellError) -> String {
        let source = try read(path, home: home)
        if let error = LuaSyntax.error(in: source, file: path) {
            throw ShellError.failed(error + " (fix the file: nothing was uploaded)")
        }
        return source
    }

    /// The source of the script in `path` (`~/` is the home directory).
    /// - Throws: ``ShellError`` naming the file for a file that is missing, unreadable, a
    ///   directory, compiled Lua, or not UTF-8 text.
    static func read(_ path: String, home: String?) throws(ShellError) -> String {
        var expanded = path
        if path.hasPrefix("~/"), let home { expanded = home + path.dropFirst(1) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
            throw ShellError.file(path, "does not exist: check the path")
        }
        guard !isDirectory.boolValue else { throw ShellError.file(path, "is a directory: name the Lua file") }
        guard let handle = FileHandle(forReadingAtPath: expanded), let data = try? handle.readToEnd() ?? Data() else {
            throw ShellError.file(path, "cannot be read: check its permissions")
        }
        try? handle.close()
        return try text(of: data, path: path)
    }

    /// The source in `data`, checked and prepared as ``read(_:home:)`` describes.
    static func text(of data: Data, path: String) throws(ShellError) -> String {
        if data.starts(with: [0x1B, 0x4C, 0x75, 0x61]) {
            throw ShellError.file(path, "is compiled Lua, which the platform refuses: upload the .lua source")
        }
        guard !data.contains(0), var text = String(data: data, encoding: .utf8) else {
            throw ShellError.file(path, "is not a text file: a script is Lua source in UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // `lua FILE` skips a first line such as `#!/usr/bin/env lua`; a comment keeps its line.
        if text.hasPrefix("#") { text = "--" + text }
        return text
    }

    /// Whether two sources are the same script: equal, or equal but for one trailing space added or
    /// taken away, which is how onep restarted a script before the platform restarted scripts on
    /// any update carrying their rule (such sources may still be stored).
    static func sameScript(_ one: String, _ other: String) -> Bool {
        one == other || one + " " == other || one == other + " "
    }
}
