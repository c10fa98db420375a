import Foundation

/// How many of this process's open file descriptors lead to files under `path` (`/proc/self/fd`;
/// 0 where there is no `/proc`), to check that something let go of the files it opened.
package func openDescriptors(under path: String) -> Int {
    let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return descriptors.count { descriptor in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + descriptor) else { return false }
        return target.hasPrefix(path + "/")
    }
}
