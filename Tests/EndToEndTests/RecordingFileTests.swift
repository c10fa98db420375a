import Foundation
import Testing

/// Recordings made by the built onep keep no secret, are the user's alone, and a transcript made
/// on one data directory checks clean on another.
@Suite("Recording files")
struct RecordingFileTests {
    @Test func aTranscriptOfSecretsKeepsNoneAndChecksCleanElsewhere() throws {
        let world = try IsolatedEnvironment()
        let file = world.root + "/x.t"
        let recorded = try OnepBinary.run(
            ["--record", file, "-c", "info demo --include key", "-c", "share demo/temperature", "-c", "ls -l demo"], in: world)
        #expect(recorded.status == 0, "\(recorded)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"key\": \"${CIK1}\""), "\(text)")
        #expect(text.contains("$ share demo/temperature\n${CODE1}\n"), "\(text)")
        #expect(text.firstMatch(of: /[0-9a-f]{40}/) == nil, "\(text)")

        // Another data directory is another platform: other RIDs, keys and codes.
        world.variables["ONEP_DATA"] = world.root + "/elsewhere"
        let checked = try OnepBinary.run(["--check", file], in: world)
        #expect(checked.status == 0, "\(checked)")
        #expect(checked.stdout.isEmpty, "\(checked)")
    }

    @Test func aRecordedScriptIsTheUsersAlone() throws {
        let world = try IsolatedEnvironment()
        let file = world.root + "/setup.onep"
        let recorded = try OnepBinary.run(["--record", file, "-c", "ls"], in: world)
        #expect(recorded.status == 0, "\(recorded)")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
    }
}
