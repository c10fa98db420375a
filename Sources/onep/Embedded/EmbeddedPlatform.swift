import Foundation
import OneP
import OnePEmbedded
import OnePlatform
import Shell

/// The embedded platform the shell uses when no `--host` is given: opened in this process from the
/// same data directory `onep serve` uses, and seeded with the demo on its very first start.
struct EmbeddedPlatform: Sendable {
    let directory: String
    let platform: Platform
    /// True when this start created the database (and so seeded the demo).
    let isNew: Bool

    /// The file the platform keeps its database in, inside the data directory.
    static let databaseFileName = "onep.sqlite"

    /// Opens (creating when needed) the platform in `directory`; no network is involved.
    /// - Parameter backgroundWork: whether this process takes its turn at datarule timers and
    ///   scripts (see ``BackgroundWorkPolicy``).
    /// - Throws: ``LaunchError`` when the directory or its database cannot be used.
    static func open(directory: String, backgroundWork: BackgroundWorkPolicy) throws(LaunchError) -> EmbeddedPlatform {
        let isNew = !FileManager.default.fileExists(atPath: directory + "/" + databaseFileName)
        do {
            try DataDirectory.create(directory)
        } catch {
            throw .platformUnavailable("\(error)")
        }
        do {
            let platform = try Platform.open(directory: directory, backgroundWork: backgroundWork)
            return EmbeddedPlatform(directory: directory, platform: platform, isNew: isNew)
        } catch {
            throw .platformUnavailable(DataDirectoryError(path: directory, cause: "\(error)").description)
        }
    }

    var rootCIK: String { platform.bootstrap.rootCIK }

    /// Which process runs the directory's datarule timers and scripts, in words for the shell.
    var backgroundWorkOwner: String {
        switch platform.backgroundWorkOwner {
        case .thisProcess: "this onep (pid \(ProcessInfo.processInfo.processIdentifier))"
        case .otherProcess(let facts?): facts.description
        case .otherProcess(nil): "another process"
        case .nobody: "none: the next onep or onep serve to open this directory runs them"
        }
    }

    /// One line for an interactive start when another process runs the timers and scripts; nil
    /// when this one does.
    var sharingNote: String? {
        guard case .otherProcess = platform.backgroundWorkOwner else { return nil }
        return "datarule timers and scripts run in \(backgroundWorkOwner), which has this directory open too"
    }

    /// The shell's endpoint for this platform; with `debugLog`, every request is also written as the
    /// `curl` command that replays it against `onep serve` on the same data directory.
    func endpoint(debugLog: (@Sendable (String) -> Void)?) -> Endpoint {
        let transport: any Transport = InProcessTransport(platform: platform)
        let description = "local (\(directory))"
        let provision = InProcessProvisionTransport(platform: platform, endpoint: description)
        let bootstrap = platform.bootstrap
        let vendor = VendorCredentials(name: bootstrap.vendorName, token: bootstrap.vendorToken)
        var endpoint = Endpoint(description: description, transport: transport, provision: provision, vendor: vendor)
        if let debugLog {
            endpoint.transport = CurlLoggingTransport(base: transport, directory: directory, log: debugLog)
            endpoint.provision = CurlLoggingProvisionTransport(base: provision, url: ServeCommand.defaultURL, log: debugLog)
        }
        endpoint.backgroundWorkOwner = { [self] in backgroundWorkOwner }
        return endpoint
    }

    /// Seeds the demo when this start created the platform and its root has nothing under it yet
    /// (two first starts at once seed once).
    /// - Returns: what was created, or nil when nothing was seeded.
    func seedIfNew(now: Int) async throws -> DemoSeed? {
        guard isNew else { return nil }
        let transport = InProcessTransport(platform: platform)
        let root = RPCClient(transport: transport, auth: .cik(rootCIK))
        let listing = try await root.call(.listing(.me, options: .init(owned: true)))
        let groups = listing?.objectValue.map { object in object.keys.compactMap { object[$0] } } ?? listing?.arrayValue ?? []
        guard groups.allSatisfy({ $0.arrayValue?.isEmpty ?? true }) else { return nil }
        return try await seedDemo(transport: transport, cik: rootCIK, now: now)
    }
}
