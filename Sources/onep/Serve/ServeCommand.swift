import ArgumentParser
import OnePlatform
import OnePlatformServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `onep serve`: the embedded platform over HTTP, for other clients to use.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the embedded One Platform over HTTP (or HTTPS).",
        discussion: """
            Prints the root CIK, the vendor and its token, and the address it listens on. \
            Data persists in the data directory, so a second start finds the same root client. \
            With --tls-cert and --tls-key it serves HTTPS. The limits answer a request past them with \
            413 (body), 408 (slow head or body), 503 (connections) or the RPC error object (calls, \
            nesting). SIGTERM or SIGINT ends every wait and long poll as expired and exits.
            """
    )

    /// Where `onep serve` listens unless told otherwise; the embedded platform's curl lines name it.
    static let defaultPort = 8080
    static let defaultBind = "127.0.0.1"
    static var defaultURL: String { "http://\(defaultBind):\(defaultPort)" }

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = ServeCommand.defaultPort

    @Option(help: "The address to bind.")
    var bind: String = ServeCommand.defaultBind

    @Option(
        help: ArgumentHelp(
            "The data directory (default: $ONEP_DATA, else $XDG_DATA_HOME/onep, else ~/.local/share/onep).",
            valueName: "dir"
        )
    )
    var data: String?

    @OptionGroup(title: "HTTPS")
    var tls: ServeTLSOptions

    @OptionGroup(title: "Limits")
    var limits: ServeLimitOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        do {
            if PortProbe.isInUse(address: bind, port: port) {
                let address = bind.contains(":") ? "[\(bind)]" : bind
                throw ServeError("cannot listen on \(address):\(port): the address is already in use")
            }
            let directory = DataDirectory.resolve(option: data)
            try DataDirectory.create(directory)
            let configuration = PlatformServerConfiguration(
                bindAddress: bind, port: port, limits: limits.serverLimits, tls: tls.files)
            let platform: Platform
            do {
                platform = try Platform.open(directory: directory, backgroundWork: .whenFree(as: "onep serve"))
            } catch {
                throw DataDirectoryError(path: directory, cause: "\(error)")
            }
            let bootstrap = platform.bootstrap
            Self.emit("root cik: \(bootstrap.rootCIK)")
            Self.emit("vendor: \(bootstrap.vendorName)")
            Self.emit("vendor token: \(bootstrap.vendorToken)")
            let allowed = PlatformServer.connectionsAllowed(requested: configuration.limits.maximumConnections)
            if allowed < configuration.limits.maximumConnections {
                Self.emit(
                    "onep serve: serving at most \(allowed) connections, all the open-file limit allows (raise it with ulimit -n)",
                    to: STDERR_FILENO)
            }
            let scheme = configuration.scheme
            try await PlatformServer.serve(platform: platform, configuration: configuration) { address, port in
                Self.emit("listening on \(scheme)://\(address):\(port)")
            }
        } catch {
            // One line whatever the error, so scripts can show it as is.
            let message = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            Self.emit("onep serve: \(message)", to: STDERR_FILENO)
            throw ExitCode.failure
        }
    }

    /// Writes one line straight to the file descriptor, so a reader of a pipe sees it at once.
    private static func emit(_ line: String, to descriptor: Int32 = STDOUT_FILENO) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// A reason `onep serve` cannot start, said as one line.
struct ServeError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
