import Foundation

/// Finds executables SwiftPM built alongside the test bundle (in `.build/<triple>/debug/`).
enum BuiltProducts {
    static func executable(named name: String) throws -> String {
        var searched: [String] = []
        var directory = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        // On macOS the test binary sits inside an .xctest bundle, a few levels below the products.
        for _ in 0..<4 {
            guard let current = directory else { break }
            let candidate = current.appendingPathComponent(name).path
            searched.append(current.path)
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
            directory = current.deletingLastPathComponent()
        }
        throw PseudoTerminalError(.productMissing(name: name, searched: searched))
    }
}
