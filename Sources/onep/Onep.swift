import ArgumentParser

/// The `onep` command. The shell's own options join this root command; `serve` runs the embedded platform.
@main
struct Onep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onep",
        abstract: "An interactive shell for the Exosite One Platform, with an embedded platform.",
        subcommands: [ServeCommand.self]
    )
}
