import Foundation
import TestSupport

/// A throwaway world for one run of onep: its own data directory, home and XDG directories under a
/// fresh temporary directory, and no variable inherited from the test process, so the user's
/// real home and configuration are never read or written.
final class IsolatedEnvironment {
    /// Everything the run may write, removed with the environment.
    private let directory: TemporaryDirectory
    var root: String { directory.path }
    var variables: [String: String]

    init() throws {
        directory = try TemporaryDirectory(prefix: "onep-e2e")
        let base = directory.path
        variables = [
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": base + "/home",
            "ONEP_DATA": base + "/data",
            "XDG_CONFIG_HOME": base + "/config",
            "XDG_STATE_HOME": base + "/state",
            "XDG_DATA_HOME": base + "/share",
            "XDG_CACHE_HOME": base + "/cache",
            "NO_COLOR": "1",
        ]
        try FileManager.default.createDirectory(atPath: base + "/home", withIntermediateDirectories: true)
    }

    var dataDirectory: String { variables["ONEP_DATA"] ?? root + "/data" }

    /// Writes `text` to a file under the temporary directory and returns its path.
    func file(named name: String, containing text: String) throws -> String {
        let path = root + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The files in a directory under the temporary directory (empty when it does not exist).
    func files(in relativePath: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relativePath)) ?? []
    }
}
