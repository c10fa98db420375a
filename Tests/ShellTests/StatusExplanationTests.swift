import Testing

@testable import Shell

/// A refusal of the platform is explained in the terms of the command: which value, why, what to do.
@Suite struct StatusExplanationTests {
    private func refused(_ line: String, status: Int32 = 1, setUp: [String] = []) async throws -> String {
        let shell = try ShellFixture()
        for step in setUp { try await shell.setUp(step) }
        let result = await shell.run(line)
        #expect(result.status == status, "\(line): \(result)")
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        return result.err
    }

    @Test func aValueThatDoesNotFitTheFormatNamesTheFormat() async throws {
        let setUp = ["create dataport humidity --format integer", "create dataport temperature --format float"]
        let integer = try await refused("write humidity 3.7", setUp: setUp)
        #expect(integer.contains("'humidity' is an integer dataport"), "\(integer)")
        #expect(integer.contains("'3.7' is not a whole number"), "\(integer)")
        let float = try await refused("write temperature abc", setUp: setUp)
        #expect(float.contains("'temperature' is a float dataport"), "\(float)")
        #expect(float.contains("'abc' is not a number"), "\(float)")
        let record = try await refused("record humidity 10,1.5", setUp: setUp)
        #expect(record.contains("'humidity' is an integer dataport"), "\(record)")
    }

    @Test func aRefusedDescriptionNamesTheOptionAndTheRule() async throws {
        let update = try await refused("update temperature --retention-count -1", status: 2, setUp: ["create dataport temperature"])
        #expect(update.contains("--retention-count '-1'"), "\(update)")
        #expect(update.contains("0 or more"), "\(update)")
        let create = try await refused("create dataport t --retention-duration -5", status: 2)
        #expect(create.contains("--retention-duration '-5'"), "\(create)")
        let format = try await refused("update temperature --json '{\"format\": \"string\"}'", setUp: ["create dataport temperature"])
        #expect(format.contains("format"), "\(format)")
        #expect(format.contains("cannot change"), "\(format)")
    }

    @Test func everyStatusTheProceduresAnswerIsExplained() {
        for (procedure, statuses) in StatusExplanations.documented {
            for status in statuses {
                let text = StatusExplanations.generic(procedure: procedure, status: status)
                #expect(text != nil, "\(procedure) \(status) has no explanation")
                #expect(text?.contains(":") == true || text?.contains("'") == true, "\(procedure) \(status): \(text ?? "")")
            }
        }
    }
}
