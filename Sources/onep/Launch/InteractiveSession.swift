import LineEditor
import Shell

/// The shell at a terminal: line editing and history through libedit, a short greeting, and the
/// REPL of ``ShellRunner``.
struct InteractiveSession {
    let runner: ShellRunner
    let platform: PlatformChoice
    /// This endpoint's history file; nil keeps history in memory only.
    let historyFile: String?

    func run() async -> Int32 {
        let reader = LineReaders.standard(historyFile: historyFile)
        if reader.isInteractive {
            StandardStreams.writeErr(greeting)
        }
        return await runner.runInteractive(reader: reader)
    }

    private var greeting: String {
        var text = "onep: "
        if let embedded = platform.embedded {
            text += "embedded platform in \(embedded.directory)\n"
            if let note = embedded.sharingNote { text += "onep: \(note)\n" }
            if let seeded = platform.seeded {
                text += "onep: new platform: seeded a demo device (alias 'demo') with dataports "
                text += seeded.dataports.joined(separator: ", ") + "; try 'tree' or 'read demo/temperature'\n"
            }
        } else {
            text += "platform at \(platform.endpoint.description)"
            if let source = platform.addressSource { text += " (from \(source); --data DIR for the embedded one)" }
            text += "\n"
        }
        return text + "onep: 'help' lists commands, Tab completes, Ctrl-D leaves\n"
    }
}
