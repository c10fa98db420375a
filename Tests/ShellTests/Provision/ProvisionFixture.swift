import Foundation
import OneP
import OnePEmbedded

extension ShellFixture {
    /// A template client with a dataport and a model `fleet` made from it.
    func makeFleetModel() async throws {
        try await setUp("create client tmpl", "create dataport tmpl/temp --format integer", "provision model create fleet tmpl")
    }

    var vendorName: String { platform.bootstrap.vendorName }
    var vendorToken: String { platform.bootstrap.vendorToken }

    /// A client of the root made over RPC, with its CIK, for calls that need another client's key.
    func makeClient(_ name: String) async throws -> (rid: String, cik: String) {
        let rpc = RPCClient(transport: InProcessTransport(platform: platform), auth: .cik(rootCIK))
        let rid = try await rpc.call(.create(.me, type: .client, description: ["name": .string(name)]))?.stringValue ?? ""
        let info = try await rpc.call(.info(.rid(rid), options: [.key]))
        return (rid, info?.objectValue?["key"]?.stringValue ?? "")
    }
}
