import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension PseudoTerminal {
    /// Waits for `prompt` and then until the program reads its terminal key by key.
    ///
    /// libedit prints the prompt a moment before it turns the terminal's line editing off; a key
    /// typed in between is handled by the terminal instead (echoed twice, and Ctrl-D or Ctrl-C
    /// lost), which a person never notices but a test typing at machine speed does.
    func waitForPrompt(_ prompt: String, timeout: Duration = .seconds(10)) throws {
        try waitFor(prompt, timeout: timeout)
        try waitUntilReadingKeys(timeout: timeout)
    }

    /// Waits until the program's terminal is out of line mode (no ICANON), as seen from the
    /// terminal device the program has on standard input.
    func waitUntilReadingKeys(timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        while try !readsKeys() {
            guard ContinuousClock.now < deadline else {
                throw PseudoTerminalError(.textNotSeen("(keys read one by one)", output: transcript, programEnded: false))
            }
            usleep(1_000)
        }
    }

    /// Whether the program's terminal is out of line mode right now (always true where this
    /// cannot be told).
    func readsKeys() throws -> Bool {
        #if os(Linux)
            let device = try terminalDevice()
            let descriptor = open(device, O_RDONLY | O_NOCTTY | O_NONBLOCK)
            guard descriptor >= 0 else { return true }
            defer { close(descriptor) }
            var settings = termios()
            return tcgetattr(descriptor, &settings) != 0 || settings.c_lflag & tcflag_t(ICANON) == 0
        #else
            return true
        #endif
    }

    #if os(Linux)
        private func terminalDevice() throws -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            let count = readlink("/proc/\(processID)/fd/0", &buffer, buffer.count - 1)
            guard count > 0 else {
                throw PseudoTerminalError(.spawnFailed(executable: "/proc/\(processID)/fd/0", reason: "no terminal on standard input"))
            }
            return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    #endif
}
