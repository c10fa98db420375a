import Foundation
import OnePJSON
import Testing

@testable import Shell

/// Each refusal of the platform a command can get is said with the argument at fault, its value,
/// why, and what to do (issue 13 item 4), one command family at a time, through the embedded platform.
@Suite struct RefusalTableTests {
    /// Runs `line` after `setUp`, expecting one line of error and `status`.
    private func refused(_ line: String, status: Int32 = 1, setUp: [String] = [], in given: ShellFixture? = nil) async throws -> String {
        let shell = try given ?? ShellFixture()
        for step in setUp { try await shell.setUp(step) }
        let result = await shell.run(line)
        #expect(result.status == status, "\(line): \(result)")
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        return result.err
    }

    private let dataports = ["create dataport humidity --format integer", "create dataport temperature --format float", "create client device1"]

    @Test func pointsNameTheResourceOrTheValue() async throws {
        let integer = try await refused("write humidity 3.7", setUp: dataports)
        #expect(integer.contains("write: VALUE '3.7' is not a whole number: 'humidity' is an integer dataport"), "\(integer)")
        let text = try await refused("write temperature abc", setUp: dataports)
        #expect(text.contains("VALUE 'abc' is not a number: 'temperature' is a float dataport"), "\(text)")
        let client = try await refused("write device1 5", setUp: dataports)
        #expect(client.contains("write: RES 'device1' is a client, which keeps no points"), "\(client)")
        let group = try await refused("writegroup temperature=1 humidity=2.5", setUp: dataports)
        #expect(group.contains("writegroup: RES=VALUE 'humidity=2.5' is not a whole number"), "\(group)")
        let flush = try await refused("flush device1 --yes", setUp: dataports)
        #expect(flush.contains("flush: RES 'device1' is a client"), "\(flush)")
        let wait = try await refused("wait device1 --timeout 1", setUp: dataports)
        #expect(wait.contains("wait: RES 'device1' is a client"), "\(wait)")
    }

    @Test func descriptionsNameTheFieldOrTheOption() async throws {
        let retention = try await refused("update temperature --retention-count -1", status: 2, setUp: dataports)
        #expect(retention.contains("update: --retention-count '-1' is negative: keep 0 or more points"), "\(retention)")
        let field = try await refused("create dataport t --json '{\"retention\": {\"count\": -1}}'", status: 2)
        #expect(field.contains("create: --json field 'retention.count' -1 is not a count"), "\(field)")
        let flag = try await refused("update temperature --json '{\"public\": \"yes\"}'", status: 2, setUp: dataports)
        #expect(flag.contains("update: --json field 'public' \"yes\" is not true or false"), "\(flag)")
        let format = try await refused("update temperature --json '{\"format\": \"string\"}'", setUp: dataports)
        #expect(
            format.contains("update: --json field 'format' cannot change once the resource is made: 'temperature' is a float dataport"), "\(format)")
        let parent = try await refused("create dataport temperature/inner", setUp: dataports)
        #expect(parent.contains("create: NAME 'temperature/inner' is under 'temperature', a float dataport: create under a client"), "\(parent)")
        let subscribe = try await refused(
            "create datarule hot --format integer --subscribe device1 --when simple --comparison gt --constant 30", setUp: dataports)
        #expect(subscribe.contains("create: --subscribe 'device1' is a client, which keeps no points"), "\(subscribe)")
    }

    @Test func usageNamesAWindowBefore1970() async throws {
        let early = try await refused("usage --start 1960-01-01", status: 2)
        #expect(early.contains("usage: --start '1960-01-01' is before 1970"), "\(early)")
    }

    @Test func aLimitNamesTheClientAndItsLimit() async throws {
        let setUp = ["create client dev", "update dev --json '{\"limits\": {\"dataport\": 1}}'", "create dataport dev/a"]
        let limit = try await refused("create dataport dev/b", setUp: setUp)
        #expect(limit.contains("create: NAME 'dev/b' would pass a limit: 'dev' may own 1 dataport and owns 1"), "\(limit)")
        #expect(limit.contains("limits.dataport"), "\(limit)")
    }

    @Test func placesNameTheDestinationOrTheAlias() async throws {
        let notClient = try await refused("move temperature humidity", setUp: dataports)
        #expect(notClient.contains("move: DEST 'humidity' is an integer dataport, not a client"), "\(notClient)")
        let below = try await refused("move device1 device1/inner", setUp: dataports + ["create client device1/inner"])
        #expect(below.contains("move: DEST 'device1/inner' is the resource that moves, or lies below it"), "\(below)")
        let taken = try await refused("map humidity t", setUp: dataports + ["map temperature t"])
        #expect(taken.contains("map: ALIAS 't' already names 'temperature'"), "\(taken)")
        let empty = try await refused("map humidity ''", status: 2, setUp: dataports)
        #expect(empty.contains("map: ALIAS '' is empty"), "\(empty)")
        let unknown = try await refused("lookup nosuch")
        #expect(unknown.contains("lookup: ALIAS 'nosuch' is not an alias of this client"), "\(unknown)")
        let code = String(repeating: "ab", count: 20)
        let share = try await refused("lookup --share \(code)")
        #expect(share.contains("lookup: --share names no share"), "\(share)")
        #expect(!share.contains(code), "a secret is not repeated: \(share)")
    }

    @Test func codesNameTheCodeWithoutRepeatingIt() async throws {
        let code = String(repeating: "cd", count: 20)
        let share = try await refused("activate share \(code)")
        #expect(share.contains("activate: CODE names no share"), "\(share)")
        #expect(!share.contains(code), "\(share)")
        let client = try await refused("deactivate client \(code)")
        #expect(client.contains("deactivate: CODE is no client's CIK"), "\(client)")
        let ttl = try await refused("grant temperature --allow read --ttl 9223372036854775807", setUp: dataports)
        #expect(ttl.contains("grant: --ttl '9223372036854775807' runs past the last time the platform holds"), "\(ttl)")
    }

    @Test func everyRowNamesARealCommandAndOneOfItsArguments() {
        for row in RefusalTable.rows {
            for command in row.commands {
                let spec = CommandTable.all.first { $0.name == command }
                #expect(spec != nil, "\(command) is not a command")
                guard let spec, row.argument != "--json field", row.commands.count < 10 else { continue }
                let names = spec.arguments.map(\.displayName)
                #expect(names.contains(row.argument), "\(command) has no argument \(row.argument): \(names)")
            }
        }
    }

    @Test func aResourceOutOfReachIsNamed() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client a", "create client b")
        let rid = await shell.run("create dataport b/t").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = try #require(try JSON(parsing: await shell.run("info a --include key").out)["key"]?.stringValue)
        try await shell.setUp("auth \(key)")
        let write = try await refused("write \(rid) 5", in: shell)
        #expect(write.contains("write: RES '\(rid)' is outside what these credentials reach"), "\(write)")
        let tag = try await refused("tag \(rid) add outdoor", in: shell)
        #expect(tag.contains("tag: RES '\(rid)' is outside what these credentials reach: use a path under your client"), "\(tag)")
    }
}
