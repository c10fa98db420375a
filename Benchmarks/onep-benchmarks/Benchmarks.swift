import Foundation
import OneP
import OnePEmbedded
import OnePlatform
import OnePlatformServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs every scenario over HTTP (a server on a free port) and in process, against a platform in a
/// temporary directory, and prints one line per scenario.
@main
struct Benchmarks {
    static func main() async throws {
        var template = Array("/tmp/onep-benchmarks-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary directory") }
        let directory = String(cString: made)
        let platform = try Platform.open(directory: directory)
        let server = try await RunningPlatformServer.start(platform: platform)
        let http = HTTPTransport(url: server.url)
        let auth = Auth.cik(platform.bootstrap.rootCIK)
        print("platform in \(directory), server at \(server.url)")

        let routes: [(String, any Transport)] = [("http", http), ("in-process", InProcessTransport(platform: platform))]
        for (label, base) in routes {
            let transport = CountingTransport(base)
            let scenarios = Scenarios(client: RPCClient(transport: transport, auth: auth), transport: transport, label: label)
            for run in [scenarios.singleWrites, scenarios.batchedWrites, scenarios.largeRead] {
                print(try await run().line)
            }
            print(try await TreeScenario(transport: transport, auth: auth, label: label).run().line)
        }
        print(try await WaitScenario(platform: platform, url: server.url, auth: auth).run().line)
        let templateRID = try await RPCClient(transport: http, auth: auth).call(.create(.me, type: .client, description: ["name": "template"]))
        let provisioning: [(String, ProvisionClient)] = [
            ("in-process", ProvisionClient(transport: InProcessProvisionTransport(platform: platform), auth: .token(platform.bootstrap.vendorToken))),
            ("http", ProvisionClient(url: server.url, auth: .token(platform.bootstrap.vendorToken))),
        ]
        for (label, client) in provisioning {
            let scenario = ContentScenario(client: client, label: label, directory: directory, templateRID: templateRID?.stringValue ?? "")
            print(try await scenario.run())
            try await client.shutdown()
        }
        try await http.shutdown()
        try await server.stop()
        try FileManager.default.removeItem(atPath: directory)
    }
}
