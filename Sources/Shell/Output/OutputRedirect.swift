import Foundation

/// An open `> FILE`, `>> FILE` or `| COMMAND`: where one command's standard output goes. Errors
/// still go to standard error.
final class OutputRedirect: @unchecked Sendable {
    // @unchecked: the handles and process are set once in init; writes come from the one command
    // that runs, and close() after it.
    private let handle: FileHandle
    private let process: Process?
    /// Signalled when the shell command's forwarded output has all been passed on.
    private let forwarded = DispatchSemaphore(value: 0)
    private var forwards = false

    /// Opens the file (created 0644 as a shell would, emptied unless appending) or starts the
    /// shell command, before the command runs: a redirection that cannot be made runs nothing.
    /// - Parameter passThrough: where the shell command's own output goes when it is not a
    ///   terminal's (tests, transcripts); nil inherits the terminal.
    init(_ redirection: Redirection, passThrough: (@Sendable (String) -> Void)?) throws(ShellError) {
        switch redirection {
        case .file(let file, let append):
            let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
            let descriptor = open(file, flags, 0o644)
            guard descriptor >= 0 else {
                throw ShellError.file(file, "cannot be written: \(String(cString: strerror(errno)))")
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            process = nil
        case .pipe(let command):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let input = Pipe()
            process.standardInput = input
            var output: Pipe?
            if passThrough != nil {
                output = Pipe()
                process.standardOutput = output
            }
            do {
                try process.run()
            } catch {
                throw ShellError.failed("| \(command): /bin/sh could not start: \(error.localizedDescription)")
            }
            handle = input.fileHandleForWriting
            self.process = process
            if let output, let passThrough {
                forwards = true
                let done = forwarded
                let reader = Thread {
                    let source = output.fileHandleForReading
                    while case let data = source.availableData, !data.isEmpty {
                        passThrough(String(decoding: data, as: UTF8.self))
                    }
                    done.signal()
                }
                reader.start()
            }
        }
    }

    func write(_ text: String) {
        // A shell command that quits early closes its end; what it did not read is not wanted.
        try? handle.write(contentsOf: Data(text.utf8))
    }

    /// Closes the file, or ends the shell command's input and waits for it to finish.
    func close() {
        try? handle.close()
        guard let process else { return }
        process.waitUntilExit()
        if forwards { forwarded.wait() }
    }
}
