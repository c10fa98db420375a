import Foundation
import PropertyBased
import Testing

/// Random trees of clients, dataports, shares and tokens; every procedure from every credential
/// against every resource. A call that reaches outside its caller's subhierarchy, other than a
/// read of a shared or public resource, fails the test.
///
/// The suite draws a few trees; `ONEP_ISOLATION_CASES=500 swift test --filter Isolation` draws
/// more. A failure prints the plan and a `.fixedSeed(...)` that reproduces it.
@Suite("Isolation")
struct IsolationPropertyTests {
    static var cases: Int {
        ProcessInfo.processInfo.environment["ONEP_ISOLATION_CASES"].flatMap { Int($0) } ?? 4
    }

    @Test(.shrinking(false)) func noCredentialReachesOutsideWhatItMay() async {
        await propertyCheck(count: Self.cases, input: IsolationPlan.generator) { plan in
            let world = try await IsolationWorld.build(plan)
            try await world.checkIsolation()
        }
    }

    /// The same on a data directory, where small reads run on reader connections that remember
    /// keys, resources and parents from one request to the next.
    @Test(.shrinking(false)) func noCredentialReachesOutsideWhatItMayOnADataDirectory() async {
        await propertyCheck(count: Self.cases, input: IsolationPlan.generator) { plan in
            let world = try await IsolationWorld.build(plan, onDirectory: true)
            try await world.checkIsolation()
        }
    }
}
