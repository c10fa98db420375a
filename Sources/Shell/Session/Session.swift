import OneP

/// One resource on the current path: its RID and the name it is shown by.
struct PathSegment: Sendable, Hashable {
    var rid: String
    var name: String
}

/// Who the shell talks to and as whom, where it is, and how it prints.
struct Session: Sendable {
    /// The platform endpoint: its description (URL or "local") and the transport to it.
    var endpoint: Endpoint
    var auth: Auth?
    /// How the auth is shown: a key name, or a placeholder — never the CIK itself.
    var authLabel = ""
    /// The client the session is authenticated as, found on first use.
    var root: PathSegment?
    /// From the root down to the current resource; empty at the root.
    var path: [PathSegment] = []
    var previousPath: [PathSegment]?
    var settings = Settings()
    /// What `unset` puts a setting back to: onep's defaults, with the environment's time zone.
    var defaults = Settings()
    /// Where names lead, per auth: paths resolve through it, completion offers its names.
    let pathCaches = PathCaches()
    /// The vendor the `provision` commands act for, and where its credentials came from.
    var vendor: VendorSession?
    /// Why the config file's vendor could not be read, so the `provision` commands report the
    /// broken file rather than quietly acting for another vendor.
    var vendorProblem: ShellError?
    /// Model names, serial numbers and content ids the `provision` list commands last saw.
    var provisionNames: [ProvisionNameKey: [String]] = [:]

    /// `/a/b` style text of the current path.
    var pathText: String {
        "/" + path.map(\.name).joined(separator: "/")
    }

    /// The path cache of the session's auth; nil before authentication.
    var paths: PathCache? {
        auth.map { pathCaches.cache(for: $0) }
    }

    /// Forgets where the session was, for a new auth or endpoint.
    mutating func resetLocation() {
        root = nil
        path = []
        previousPath = nil
    }
}

/// A child as completion needs it: what to type and whether a path can go on below it.
struct KnownChild: Sendable, Hashable {
    var name: String
    var rid: String
    var isClient: Bool
    /// The alias its owner maps to it, which a path may use in place of the name.
    var alias: String? = nil
    /// A script datarule, which `script` commands complete.
    var isScript = false
}

/// A platform endpoint as configured: what to call it and how to reach it.
public struct Endpoint: Sendable {
    public var description: String
    public var transport: any Transport
    /// How the `provision` commands reach the platform's provisioning API; nil when they cannot.
    public var provision: (any ProvisionTransport)?
    /// Vendor credentials that come with the platform (the embedded platform's own vendor), used
    /// when none are given.
    public var vendor: VendorCredentials?
    /// Releases the transport's connections when the shell leaves this endpoint (HTTP clients must be shut down).
    public var close: @Sendable () async -> Void
    /// Which process runs the platform's datarule timers and scripts, in words, for a platform
    /// whose data directory several processes may share (the embedded one); nil elsewhere.
    public var backgroundWorkOwner: (@Sendable () -> String)?
    /// Changes how long a request may wait for its answer (`set timeout`); nil for a platform
    /// without a timeout (the embedded one answers in process).
    public var changeTimeout: (@Sendable (Duration) -> Void)?

    public init(
        description: String, transport: any Transport, provision: (any ProvisionTransport)? = nil, vendor: VendorCredentials? = nil,
        close: @escaping @Sendable () async -> Void = {}
    ) {
        self.description = description
        self.transport = transport
        self.provision = provision
        self.vendor = vendor
        self.close = close
    }

    /// A platform over HTTP(S), closed when the shell leaves it.
    /// - Parameter trust: the certificate authorities HTTPS trusts instead of the system's (`--cacert`).
    public static func http(
        _ url: String, timeout: Duration = .seconds(30), debugLog: (@Sendable (String) -> Void)? = nil, trust: TrustedCertificates? = nil
    ) -> Endpoint {
        let transport = HTTPTransport(url: url, timeout: timeout, debugLog: debugLog, trust: trust)
        let provision = HTTPProvisionTransport(url: url, timeout: max(timeout, .seconds(60)), trust: trust)
        let logged: any ProvisionTransport = debugLog.map { CurlLoggingProvisionTransport(base: provision, url: url, log: $0) } ?? provision
        var endpoint = Endpoint(
            description: url, transport: transport, provision: logged,
            close: {
                try? await transport.shutdown()
                try? await provision.shutdown()
            })
        // Provisioning moves files: it keeps at least a minute.
        endpoint.changeTimeout = { timeout in
            transport.changeTimeout(to: timeout)
            provision.changeTimeout(to: max(timeout, .seconds(60)))
        }
        return endpoint
    }
}
