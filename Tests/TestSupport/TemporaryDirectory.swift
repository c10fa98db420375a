import Foundation

/// A fresh directory under the system's temporary folder for one test, removed when the test lets
/// go of it (or earlier with ``remove()``).
package final class TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    package let path: String

    /// Creates the directory.
    /// - Parameter prefix: the start of the directory's name, to tell whose it is when one is left behind.
    /// - Throws: when the directory cannot be created.
    package init(prefix: String = "onep-tests") throws {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        remove()
    }

    /// The directory as a file URL.
    package var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside the directory; the file is not created.
    package func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `text` to `name` inside the directory (making any directories on the way) and returns its path.
    @discardableResult
    package func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        let parent = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Removes the directory and everything in it now.
    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
