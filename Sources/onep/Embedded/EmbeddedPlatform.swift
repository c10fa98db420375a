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
    /// - Throws: ``LaunchError`` when the directory or its database cannot be used.
    static func open(directory: String) throws(LaunchError) -> EmbeddedPlatform {
        let isNew = !FileManager.default.fileExists(atPath: directory + "/" + databaseFileName)
        do {
            try DataDirectory.create(directory)
        } catch {
            throw .platformUnavailable("\(error)")
        }
        do {
            let platform = try Platform.open(directory: directory)
            return EmbeddedPlatform(directory: directory, platform: platform, isNew: isNew)
        } catch {
            throw .platformUnavailable(DataDirectoryError(path: directory, cause: "\(error)").description)
        }
    }

    var rootCIK: String { platform.bootstrap.rootCIK }

    /// The shell's endpoint for this platform; with `debugLog`, every request is also written as the
    /// `curl` command that replays it against `onep serve` on the same data directory.
    func endpoint(debugLog: (@Sendable (String) -> Void)?) -> Endpoint {
        let transport: any Transport = InProcessTransport(platform: platform)
        let description = "local (\(directory))"
        let provision = InProcessProvisionTransport(platform: platform, endpoint: description)
        let bootstrap = platform.bootstrap
        let vendor = VendorCredentials(name: bootstrap.vendorName, token: bootstrap.vendorToken)
        guard let debugLog else { return Endpoint(description: description, transport: transport, provision: provision, vendor: vendor) }
        return Endpoint(
            description: description,
            transport: CurlLoggingTransport(base: transport, directory: directory, log: debugLog),
            provision: CurlLoggingProvisionTransport(base: provision, url: ServeCommand.defaultURL, log: debugLog), vendor: vendor
        )
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
