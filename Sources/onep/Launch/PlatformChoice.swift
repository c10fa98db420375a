import Foundation
import OneP
import OnePlatform
import Shell
import Synchronization

/// The platform the shell starts with — remote with `--host` (else the `host` and `port` of
/// exoline's `~/.exoline`), the embedded one otherwise or with `--data` — and how the shell's
/// `connect` reaches the others.
struct PlatformChoice: Sendable {
    let endpoint: Endpoint
    /// The CIK to use when none is given: the embedded platform's root client; nil for a remote one.
    let defaultCIK: String?
    /// The embedded platform when the shell starts on it.
    let embedded: EmbeddedPlatform?
    /// What the demo seeding created on this start, if it ran.
    let seeded: DemoSeed?
    /// Where a remote platform's address came from when it was not `--host`: `~/.exoline`.
    var addressSource: String? = nil
    let openLocal: @Sendable () async throws -> Endpoint
    let openRemote: @Sendable (String) -> Endpoint

    /// The name the history file is kept under: `local`, or the remote platform's URL.
    var historyName: String {
        embedded == nil ? endpoint.description : "local"
    }

    /// - Throws: ``LaunchError`` when the embedded platform cannot be opened.
    /// - Parameter backgroundWork: whether the embedded platform takes its turn at datarule timers
    ///   and scripts: every run does when no other process on the directory runs them (a piped
    ///   script may upload a script and wait for what it writes), completion never does.
    static func make(
        options: Onep, environment: [String: String], backgroundWork: BackgroundWorkPolicy = .whenFree(as: "onep")
    ) async throws(LaunchError) -> PlatformChoice {
        let log: @Sendable (String) -> Void = { line in StandardStreams.writeErr(line + "\n") }
        let debugLog = options.debugHTTP ? log : nil
        // Validated with the options, so a failure here cannot happen; without it the system's authorities apply.
        let trust = options.cacert.flatMap { try? TrustedCertificates(pemFile: $0) }
        let timeout = options.timeout.map { Duration.milliseconds(Int(($0 * 1000).rounded())) } ?? .seconds(30)
        let openRemote: @Sendable (String) -> Endpoint = { url in Endpoint.http(url, timeout: timeout, debugLog: debugLog, trust: trust) }
        let directory = DataDirectory.resolve(option: options.data) { environment[$0] }
        let local = LocalPlatform(directory: directory, backgroundWork: backgroundWork)
        let openLocal: @Sendable () async throws -> Endpoint = {
            let (platform, _) = try await local.open()
            return platform.endpoint(debugLog: debugLog)
        }
        if let host = options.host {
            return PlatformChoice(
                endpoint: openRemote(try HostURL.normalize(host)), defaultCIK: nil, embedded: nil, seeded: nil,
                openLocal: openLocal, openRemote: openRemote)
        }
        // `--data` names the embedded platform, so exoline's host applies only without it.
        if options.data == nil, let address = try exolineAddress(environment) {
            return PlatformChoice(
                endpoint: openRemote(address), defaultCIK: nil, embedded: nil, seeded: nil, addressSource: "~/.exoline",
                openLocal: openLocal, openRemote: openRemote)
        }
        let (platform, seeded) = try await local.open()
        return PlatformChoice(
            endpoint: platform.endpoint(debugLog: debugLog), defaultCIK: platform.rootCIK, embedded: platform, seeded: seeded,
            openLocal: openLocal, openRemote: openRemote)
    }
}

extension PlatformChoice {
    /// The platform `~/.exoline` names with `host` and `port`, as a URL; nil when it names none.
    /// - Throws: ``LaunchError`` (usage) naming the file when its address cannot be used.
    static func exolineAddress(_ environment: [String: String]) throws(LaunchError) -> String? {
        let address: String?
        do {
            address = try ExolineHost.address(environment: environment)
        } catch {
            throw .usage(error.description + "; or give --host URL (or --data DIR for the embedded platform)")
        }
        guard let address else { return nil }
        do {
            return try HostURL.normalize(address)
        } catch {
            throw .usage("~/.exoline: host and port give '\(address)', which is not a platform address; give --host URL instead")
        }
    }
}

/// Opens the embedded platform once per process, however often the shell connects to it.
final class LocalPlatform: Sendable {
    let directory: String
    let backgroundWork: BackgroundWorkPolicy
    private let opened = Mutex<EmbeddedPlatform?>(nil)

    init(directory: String, backgroundWork: BackgroundWorkPolicy) {
        self.directory = directory
        self.backgroundWork = backgroundWork
    }

    /// - Returns: the platform, and the demo when this call created the platform and seeded it.
    func open() async throws(LaunchError) -> (EmbeddedPlatform, DemoSeed?) {
        if let platform = opened.withLock({ $0 }) { return (platform, nil) }
        let platform = try EmbeddedPlatform.open(directory: directory, backgroundWork: backgroundWork)
        opened.withLock { $0 = platform }
        do {
            return (platform, try await platform.seedIfNew(now: Int(Date().timeIntervalSince1970)))
        } catch {
            // The platform works without the demo; say why it is missing and carry on.
            StandardStreams.complain("warning: could not seed the demo: \(error)")
            return (platform, nil)
        }
    }
}
