/// Where the interactive shell keeps its history: `$XDG_STATE_HOME/onep/`, else
/// `~/.local/state/onep/`, one file per platform endpoint so commands typed against one platform
/// are not offered against another.
enum HistoryLocation {
    /// The history file for `endpointName` (`local` or the remote URL); nil when there is no home
    /// to keep it in or the directory cannot be made, in which case history lives in memory only.
    static func file(endpointName: String, environment: [String: String]) -> String? {
        let directory: String
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            directory = state + "/onep"
        } else if let home = environment["HOME"], !home.isEmpty {
            directory = (home.hasSuffix("/") ? home : home + "/") + ".local/state/onep"
        } else {
            return nil
        }
        do {
            try DataDirectory.create(directory)
        } catch {
            StandardStreams.complain("warning: \(error); history will not be saved")
            return nil
        }
        return directory + "/" + fileName(endpointName: endpointName)
    }

    /// `history-local`, or `history-` plus the URL's host and port with anything unusual replaced,
    /// e.g. `history-m2.exosite.com` or `history-127.0.0.1_8080`.
    static func fileName(endpointName: String) -> String {
        var name = endpointName
        for scheme in ["https://", "http://"] where name.hasPrefix(scheme) {
            name.removeFirst(scheme.count)
        }
        let safe = name.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-") ? character : "_"
        }
        return "history-" + String(safe)
    }
}
