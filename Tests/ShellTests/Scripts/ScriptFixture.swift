import Foundation
import Testing
import TestSupport

/// Lua scripts the `script` command tests upload, and a shell ready for them.
enum LuaScripts {
    /// Tenths of a degree on `raw` become degrees on `celsius`; line 5 says so.
    static let convert = """
        -- Converts tenths of a degree into degrees.
        while true do
          local ts = alias['raw'].wait()
          local celsius = alias['raw'][ts] / 10
          debug('converted ' .. celsius)
          alias['celsius'][ts] = celsius
        end

        """

    /// Says hello on line 1 and ends.
    static let hello = "debug('hello')\n"

    /// A syntax error on line 3.
    static let broken = "local a = 1\nlocal b = 2\nlocal c = = 3\n"

    /// Stops with a runtime error on line 2.
    static let failing = "local x = nil\nx = x + 1\n"
}

extension ShellFixture {
    /// A shell with the dataports `convert.lua` uses, mapped to their aliases at the root.
    static func withConverter() async throws -> ShellFixture {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport raw --format integer --alias raw", "create dataport celsius --alias celsius")
        return shell
    }

    /// Writes a Lua file into the fixture's directory and returns its path.
    func lua(_ name: String, _ source: String) throws -> String {
        try write(name, source)
    }

    /// Returns once the shell has printed `text` (a command still running prints as it goes).
    func untilPrinted(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for _ in 0..<2_000 {
            if buffer.stdout.contains(text) { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("'\(text)' was not printed; printed: \(buffer.stdout)", sourceLocation: sourceLocation)
    }

    /// Runs a line, then lets the platform's scripts run as far as they can.
    @discardableResult
    func runSettled(_ line: String) async throws -> (status: Int32, out: String, err: String) {
        let result = await run(line)
        try await platform.settle()
        return result
    }
}
