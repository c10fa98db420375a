import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform
import TestSupport
import Testing

/// Which procedures the embedded platform implements so far. The platform names every procedure
/// of the API and answers the ones still to come with a 501 whose context is `procedure`; tests of
/// those stay disabled until it implements them, and run by themselves once it does.
enum PlatformSupport {
    static func implements(_ procedure: String) async -> Bool {
        guard let platform = try? ClockedPlatform.inMemory().platform else { return false }
        let client = RPCClient(transport: InProcessTransport(platform: platform), auth: .cik(platform.bootstrap.rootCIK))
        guard let results = try? await client.batch([Call(procedure: procedure, arguments: [])]) else { return false }
        return results[0].error?["context"] != "procedure"
    }

    /// Whether `create` copies clients yet.
    static func clones() async -> Bool {
        guard let platform = try? ClockedPlatform.inMemory().platform else { return false }
        let client = RPCClient(transport: InProcessTransport(platform: platform), auth: .cik(platform.bootstrap.rootCIK))
        guard let template = try? await client.call(.create(.me, type: .client, description: [:]))?.stringValue else { return false }
        return (try? await client.call(.clone(.me, .rid(template)))) != nil
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only once the embedded platform implements `procedures`.
    static func needs(_ procedures: String...) -> Self {
        .enabled("the embedded platform implements \(procedures.joined(separator: ", "))") {
            for procedure in procedures where !(await PlatformSupport.implements(procedure)) { return false }
            return true
        }
    }

    static var needsClone: Self {
        .enabled("the embedded platform clones clients") { await PlatformSupport.clones() }
    }
}
