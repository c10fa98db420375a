import OneP
import Synchronization

/// Logs each request to the embedded platform as a `curl` command, then hands it on.
///
/// No HTTP happens in-process, so the command targets the address `onep serve` listens on by
/// default; with `onep serve --data DIR` running on the same data directory it replays the request.
/// CIKs are masked the same way as for a remote platform.
struct CurlLoggingTransport: Transport {
    let base: any Transport
    let directory: String
    let log: @Sendable (String) -> Void
    private let formatter = CurlFormatter(
        url: ServeCommand.defaultURL + "/onep:v1/rpc/process",
        headers: [("Content-Type", "application/json; charset=utf-8")]
    )
    private let explained = OnceFlag()

    init(base: any Transport, directory: String, log: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.directory = directory
        self.log = log
    }

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        try await send(body, answerHeldUpTo: .zero)
    }

    func send(_ body: [UInt8], answerHeldUpTo hold: Duration) async throws -> [UInt8] {
        if explained.claim() {
            log("# embedded platform, no HTTP: to replay, run 'onep serve --data \(CurlQuoting.quoted(directory))'")
        }
        log(formatter.command(body: body))
        return try await base.send(body, answerHeldUpTo: hold)
    }
}

/// True for the first caller of ``claim()`` only, across tasks.
final class OnceFlag: Sendable {
    private let claimed = Atomic<Bool>(false)

    func claim() -> Bool {
        !claimed.exchange(true, ordering: .relaxed)
    }
}

/// Single-quoting for a POSIX shell, for paths in the hints onep prints.
enum CurlQuoting {
    static func quoted(_ word: String) -> String {
        "'" + word.replacing("'", with: #"'\''"#) + "'"
    }
}
