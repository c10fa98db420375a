import Foundation

extension PseudoTerminal {
    /// Starts the built `onep` at a terminal (`TERM=xterm`) in `world`, with `variables` set on top
    /// of the world's environment, and waits for `prompt` (nil: returns at once).
    static func onep(
        in world: IsolatedEnvironment, arguments: [String] = [], variables extra: [String: String] = [:],
        columns: UInt16 = 80, rows: UInt16 = 24, prompt: String? = "onep:/> "
    ) throws -> PseudoTerminal {
        var variables = world.variables
        variables["TERM"] = "xterm"
        variables.merge(extra) { _, given in given }
        let terminal = try PseudoTerminal(
            executable: try OnepBinary.executable(), arguments: arguments, environment: variables, columns: columns, rows: rows)
        if let prompt { try terminal.waitForPrompt(prompt) }
        return terminal
    }
}
