import Foundation
import Testing

/// The scripts in completions/ run in real bash, zsh and fish against the built onep.
@Suite(.serialized) struct CompletionScriptTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("completions").path

    /// Runs `program` with `arguments`, the built onep first on PATH, and returns standard output.
    static func shell(_ program: String, _ arguments: [String], in environment: IsolatedEnvironment) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var variables = environment.variables
        let binaryDirectory = (try OnepBinary.executable() as NSString).deletingLastPathComponent
        variables["PATH"] = binaryDirectory + ":/usr/bin:/bin"
        process.environment = variables
        process.currentDirectoryURL = URL(fileURLWithPath: environment.root)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// What bash's `_onep` puts in COMPREPLY for the line `onep WORDS...` (the last word being completed).
    static func bash(_ words: [String], in environment: IsolatedEnvironment) throws -> [String] {
        let quoted = (["onep"] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
            source \(scripts)/onep.bash
            complete -p onep
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count)
            _onep
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let lines = try shell("/bin/bash", ["--norc", "--noprofile", "-c", script], in: environment).split(separator: "\n").map(String.init)
        #expect(lines.first == "complete -F _onep onep")
        return Array(lines.dropFirst())
    }

    @Test func bashCompletesCommandsAndNames() throws {
        let environment = try IsolatedEnvironment()
        #expect(try Self.bash(["re"], in: environment) == ["read", "record", "revoke"])
        #expect(try Self.bash(["--fo"], in: environment) == ["--format"])
        #expect(try Self.bash(["--format", ""], in: environment) == ["csv", "json", "text"])
        #expect(try Self.bash(["--format", "json", "session", "record", "st"], in: environment) == ["start", "stop"])
        // The embedded platform seeds a demo device aliased 'demo' on its first start.
        let names = try Self.bash(["read", ""], in: environment)
        #expect(names.contains("demo-device/"))
        #expect(try Self.bash(["read", "demo-device/te"], in: environment) == ["demo-device/temperature"])
    }

    @Test func bashCompletesAgainstARemotePlatform() throws {
        let environment = try IsolatedEnvironment()
        let served = try ServedPlatform(in: environment)
        let setUp = try OnepBinary.run(
            ["--host", served.url, "--cik", served.rootCIK, "-c", "create client dev; create dataport dev/temperature"],
            in: environment)
        #expect(setUp.status == 0, "\(setUp)")
        #expect(try Self.bash(["--host", served.url, "--cik", served.rootCIK, "read", ""], in: environment).contains("dev/"))
        #expect(try Self.bash(["--host", served.url, "--cik", served.rootCIK, "read", "dev/t"], in: environment) == ["dev/temperature"])
    }

    @Test func zshScriptAddsTheCandidates() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") else { return }
        let environment = try IsolatedEnvironment()
        // compadd only works inside the completion system; this stand-in prints what it was given.
        let script = """
            compadd() { while [[ $1 == -* && $1 != -- ]]; do [[ $1 == -S ]] && shift; shift; done; shift; print -l -- "$@" }
            words=(onep re); CURRENT=2
            source \(Self.scripts)/_onep
            """
        let output = try Self.shell("/usr/bin/zsh", ["-f", "-c", script], in: environment)
        #expect(output == "read\nrecord\nrevoke\n")
    }

    @Test func fishCompletesThroughItsOwnEngine() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") else { return }
        let environment = try IsolatedEnvironment()
        let output = try Self.shell(
            "/usr/bin/fish", ["--no-config", "-c", "source \(Self.scripts)/onep.fish; complete -C 'onep re'; complete -C 'onep --format '"],
            in: environment)
        #expect(output == "read\nrecord\nrevoke\ncsv\njson\ntext\n")
    }

    @Test func outerFlagsMatchTheRootCommand() throws {
        let environment = try IsolatedEnvironment()
        let help = try OnepBinary.run(["--help"], in: environment).stdout
        let offered = try OnepBinary.run(["__complete", "--", "--"], in: environment).stdout.split(separator: "\n")
        #expect(offered.count > 5)
        for flag in offered where flag != "--help" {
            #expect(help.contains(flag), "\(flag) is offered but not in 'onep --help'")
        }
    }

    // MARK: A URL on the line

    /// Starts `program` at a terminal with the built onep first on PATH, and waits for its prompt.
    private static func interactive(_ program: String, _ arguments: [String], in environment: IsolatedEnvironment) throws -> PseudoTerminal {
        var variables = environment.variables
        variables["PATH"] = (try OnepBinary.executable() as NSString).deletingLastPathComponent + ":/usr/bin:/bin"
        variables["TERM"] = "xterm"
        variables["PS1"] = "ready> "
        return try PseudoTerminal(executable: program, arguments: arguments, environment: variables, columns: 200)
    }

    /// A served platform with a client 'dev' holding 'temperature', and the words before the path.
    private static func platformWithDevice(in environment: IsolatedEnvironment) throws -> (ServedPlatform, String) {
        let served = try ServedPlatform(in: environment)
        let setUp = try OnepBinary.run(
            ["--host", served.url, "--cik", served.rootCIK, "-c", "create client dev; create dataport dev/temperature"], in: environment)
        #expect(setUp.status == 0, "\(setUp)")
        return (served, "onep --host \(served.url) --cik \(served.rootCIK) read ")
    }

    /// Types `line` and the start of the device's dataport at a shell's prompt, presses Tab, expects
    /// the whole path, then leaves the shell.
    private static func tabCompletesTheDataport(after line: String, at terminal: PseudoTerminal) throws {
        try terminal.type(line + "dev/te" + PseudoTerminal.Key.tab)
        try terminal.waitFor("read dev/temperature")
        // Ctrl-U empties the line (Ctrl-C would make zsh drop what is typed next).
        try terminal.type("\u{15}")
        try terminal.typeLine("exit")
        _ = try terminal.waitForExit()
    }

    @Test(arguments: [false, true]) func bashCompletesAfterAURLWithAColon(withBashCompletion: Bool) throws {
        let environment = try IsolatedEnvironment()
        let (served, line) = try Self.platformWithDevice(in: environment)
        defer { _ = served }
        let terminal = try Self.interactive("/bin/bash", ["--norc", "--noprofile", "-i"], in: environment)
        try terminal.waitFor("ready> ")
        if withBashCompletion {
            try terminal.typeLine("source /usr/share/bash-completion/bash_completion")
            try terminal.waitFor("ready> ")
        }
        try terminal.typeLine("source \(Self.scripts)/onep.bash")
        try terminal.waitFor("ready> ")
        try Self.tabCompletesTheDataport(after: line, at: terminal)
    }

    @Test func zshCompletesAfterAURLWithAColon() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") else { return }
        let environment = try IsolatedEnvironment()
        let (served, line) = try Self.platformWithDevice(in: environment)
        defer { _ = served }
        let terminal = try Self.interactive("/usr/bin/zsh", ["-f", "-i"], in: environment)
        try terminal.waitFor("ready> ")
        try terminal.typeLine("fpath=(\(Self.scripts) $fpath); autoload -U compinit; compinit -u")
        try terminal.waitFor("ready> ")
        try Self.tabCompletesTheDataport(after: line, at: terminal)
    }

    @Test func fishCompletesAfterAURLWithAColon() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") else { return }
        let environment = try IsolatedEnvironment()
        let (served, line) = try Self.platformWithDevice(in: environment)
        defer { _ = served }
        let output = try Self.shell(
            "/usr/bin/fish", ["--no-config", "-c", "source \(Self.scripts)/onep.fish; complete -C '\(line)dev/te'"], in: environment)
        #expect(output == "dev/temperature\n", "\(output)")
    }
}
