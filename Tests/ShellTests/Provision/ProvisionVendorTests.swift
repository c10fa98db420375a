import Foundation
import OneP
import OnePEmbedded
import Testing

@testable import Shell

/// provision auth, vendor and token commands: whom the provisioning commands act for.
@Suite struct ProvisionVendorTests {
    @Test func theEmbeddedPlatformsVendorIsKnownWithoutAsking() async throws {
        let shell = try ShellFixture()
        let shown = await shell.run("provision vendor show")
        #expect(shown.status == 0)
        #expect(shown.out.contains("\(shell.vendorName)  platform"))
        #expect(!shown.out.contains(shell.vendorToken))
        #expect(await shell.run("provision model list").status == 0)
    }

    @Test func authChecksTheTokenAndKeepsItForTheSession() async throws {
        let shell = try ShellFixture()
        let wrong = await shell.run("provision auth --vendor \(shell.vendorName) --token 0000000000000000000000000000000000000000")
        #expect(wrong.status == 3)
        #expect(wrong.err.hasPrefix("error: GET /provision/manage/model/ answered 401"))
        #expect(wrong.err.contains("run 'provision auth --vendor V --token T'"))
        #expect(wrong.err.split(separator: "\n").count == 1)
        // The failed auth changed nothing and the shell goes on.
        #expect(await shell.run("provision vendor show").out.contains("platform"))

        let good = await shell.run("provision auth --vendor \(shell.vendorName) --token \(shell.vendorToken)")
        #expect(good.status == 0 && good.out == "provisioning as vendor \(shell.vendorName)\n")
        #expect(await shell.run("provision vendor show").out.contains("provision auth"))
    }

    @Test func authNeedsBothVendorAndToken() async throws {
        let shell = try ShellFixture()
        let noToken = await shell.run("provision auth --vendor acme")
        #expect(noToken.status == 2 && noToken.err.hasPrefix("error: provision auth: missing --token"))
        let noVendor = await shell.run("provision auth --token abc")
        #expect(noVendor.status == 2 && noVendor.err.hasPrefix("error: provision auth: missing --vendor"))
    }

    @Test func credentialsComeFromTheEnvironmentThenTheConfigFile() async throws {
        let token = try ShellFixture().vendorToken
        let fromEnvironment = try ShellFixture(environment: ["ONEP_VENDOR": "envvendor", "ONEP_VENDOR_TOKEN": token])
        #expect(await fromEnvironment.run("provision vendor show").out.contains("envvendor  environment"))
        // That token belongs to another platform, so this one refuses it with a hint.
        let refused = await fromEnvironment.run("provision model list")
        #expect(refused.status == 3 && refused.err.contains("401"))

        let shell = try ShellFixture()
        let config = shell.home + "/.config/onep/config.yaml"
        try FileManager.default.createDirectory(atPath: shell.home + "/.config/onep", withIntermediateDirectories: true)
        try Data("vendor:\n  name: saved\n  token: \(shell.vendorToken)\n".utf8).write(to: URL(fileURLWithPath: config))
        let fromConfig = try ShellFixture(environment: ["HOME": shell.home])
        #expect(await fromConfig.run("provision vendor show").out.contains("saved   config file"))
    }

    /// exoline's `vendor` and `vendortoken` in `~/.exoline` count as the config file's; onep's own wins.
    @Test func exolinesVendorSettingsAreHonouredAfterOnepsOwn() async throws {
        let shell = try ShellFixture()
        try Data("vendor: exovendor\nvendortoken: \(shell.vendorToken)\n".utf8).write(to: URL(fileURLWithPath: shell.home + "/.exoline"))
        let fromExoline = try ShellFixture(environment: ["HOME": shell.home])
        #expect(await fromExoline.run("provision vendor show").out.contains("exovendor"))
        try FileManager.default.createDirectory(atPath: shell.home + "/.config/onep", withIntermediateDirectories: true)
        try Data("vendor:\n  name: saved\n  token: \(shell.vendorToken)\n".utf8).write(
            to: URL(fileURLWithPath: shell.home + "/.config/onep/config.yaml"))
        let both = try ShellFixture(environment: ["HOME": shell.home])
        #expect(await both.run("provision vendor show").out.contains("saved   config file"))
    }

    @Test func aBrokenConfigFileIsReportedNotPassedOver() async throws {
        let first = try ShellFixture()
        let config = first.home + "/.config/onep/config.yaml"
        try FileManager.default.createDirectory(atPath: first.home + "/.config/onep", withIntermediateDirectories: true)
        try Data("vendor: [unclosed\n".utf8).write(to: URL(fileURLWithPath: config))
        let shell = try ShellFixture(environment: ["HOME": first.home])
        // The platform's own vendor is not used in its place: that is not the vendor the file names.
        for command in ["provision model list", "provision vendor show"] {
            let result = await shell.run(command)
            #expect(result.status != 0)
            #expect(result.out == "")
            #expect(result.err == "error: \(config) is not valid YAML\n", "\(command)")
        }
        // Naming a vendor for the session gets past the broken file.
        #expect(await shell.run("provision auth --vendor \(shell.vendorName) --token \(shell.vendorToken)").status == 0)
        #expect(await shell.run("provision model list").status == 0)
    }

    @Test func withoutAnyVendorTheErrorSaysWhatToDo() async throws {
        let shell = try ShellFixture { configuration in configuration.endpoint.vendor = nil }
        let result = await shell.run("provision model list")
        #expect(result.status == 3)
        #expect(result.err == "error: no vendor credentials: run 'provision auth --vendor V --token T', or set ONEP_VENDOR and ONEP_VENDOR_TOKEN\n")
    }

    @Test func withoutAProvisioningAPITheErrorSaysWhatToDo() async throws {
        let shell = try ShellFixture { configuration in configuration.endpoint.provision = nil }
        let result = await shell.run("provision model list")
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("error: this platform connection has no provisioning API"))
    }

    @Test func registerAndUnregisterAClientAsVendor() async throws {
        let shell = try ShellFixture()
        let acme = try await shell.makeClient("acme")
        try await shell.setUp("auth \(acme.cik)")
        #expect(await shell.run("provision vendor register acme").out == "registered vendor acme\n")
        #expect(await shell.run("provision vendor show").out.contains("acme"))
        let again = await shell.run("provision vendor register acme")
        #expect(again.status == 1 && again.err.contains("409"))
        #expect(await shell.run("provision vendor unregister acme").out == "unregistered vendor acme\n")
        #expect(await shell.run("provision vendor show").out.hasSuffix("platform\n"))
    }

    @Test func registerNeedsACIK() async throws {
        let shell = try ShellFixture(authenticated: false)
        let result = await shell.run("provision vendor register acme")
        #expect(result.status == 3 && result.err.hasPrefix("error: not authenticated"))
    }

    @Test func tokensAreMadeShownListedAndDeleted() async throws {
        let shell = try ShellFixture()
        let created = await shell.run("provision token create ci")
        #expect(created.status == 0)
        let token = created.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 40)
        #expect(await shell.run("provision token list").out.contains("ci\n"))
        #expect(await shell.run("provision token show ci").out == token + "\n")
        #expect(await shell.run("set format json; provision token show ci").out == "{\"token\":\"\(token)\"}\n")
        try await shell.setUp("set format text")
        // The new token acts for the vendor.
        #expect(await shell.run("provision auth --vendor \(shell.vendorName) --token \(token)").status == 0)
        #expect(await shell.run("provision token delete ci").out == "deleted token ci\n")
        let gone = await shell.run("provision token show ci")
        #expect(gone.status != 0 && gone.err.hasPrefix("error: GET /provision/admin/auth/ci answered"))
    }

    @Test func historyAndRecordingsNeverHoldTheToken() async throws {
        let shell = try ShellFixture()
        let file = shell.file("vendor.onep")
        try await shell.setUp("session record start \(file)", "provision auth --vendor \(shell.vendorName) --token \(shell.vendorToken)")
        try await shell.setUp("session record stop")
        let script = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!script.contains(shell.vendorToken))
        #expect(script.contains("provision auth --vendor \(shell.vendorName) --token ${ONEP_VENDOR_TOKEN}\n"))

        let redactor = HistoryRedactor(commands: CommandTable.all, environment: [:])
        #expect(redactor.redact("provision auth --vendor v --token secret-1") == "provision auth --vendor v --token <redacted>")
        #expect(redactor.redact("provision auth --vendor v --token=secret-1") == "provision auth --vendor v --token=<redacted>")
    }
}
