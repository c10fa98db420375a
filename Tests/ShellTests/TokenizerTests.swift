import Testing

@testable import Shell

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer(environment: ["CIK": "0123456789abcdef0123456789abcdef01234567", "NAME": "two words"])

    func words(_ line: String) throws -> [[String]] {
        try tokenizer.commands(in: line).map(\.texts)
    }

    @Test func splitsOnBlanksAndSemicolons() throws {
        #expect(try words("read  temp --limit 5; ls") == [["read", "temp", "--limit", "5"], ["ls"]])
        #expect(try words("  ;; ") == [])
    }

    @Test func quotesAndEscapes() throws {
        #expect(try words("write name 'a b;c'") == [["write", "name", "a b;c"]])
        #expect(try words(#"write name "say \"hi\"" x\ y"#) == [["write", "name", #"say "hi""#, "x y"]])
        #expect(try words("write name ''") == [["write", "name", ""]])
    }

    @Test func commentsEndTheLine() throws {
        #expect(try words("ls # list here; not a command") == [["ls"]])
        #expect(try words("write x '#1'") == [["write", "x", "#1"]])
    }

    @Test func variablesExpandFromTheEnvironment() throws {
        #expect(try words("auth ${CIK}") == [["auth", "0123456789abcdef0123456789abcdef01234567"]])
        #expect(try words("write x \"${NAME}\"") == [["write", "x", "two words"]])
        #expect(try words("write x '${NAME}'") == [["write", "x", "${NAME}"]])
    }

    @Test func jsonLiteralIsOneWord() throws {
        #expect(
            try words(#"rpc info {"alias": ""} {"basic": true, "x": "a } b"}"#) == [
                ["rpc", "info", #"{"alias": ""}"#, #"{"basic": true, "x": "a } b"}"#]
            ])
        #expect(try words(#"rpc listing [ "dataport", "client" ]"#) == [["rpc", "listing", #"[ "dataport", "client" ]"#]])
    }

    @Test func badInputIsAUsageError() {
        #expect(throws: ShellError.self) { try words("write x 'open") }
        #expect(throws: ShellError.self) { try words("write x \"open") }
        #expect(throws: ShellError.self) { try words("rpc info {\"alias\": ") }
        #expect(throws: ShellError.self) { try words("auth ${MISSING}") }
        let message = ShellMessage(
            error: (try? words("auth ${MISSING}")).map { _ in ShellError.failed("") } ?? ShellError.undefinedVariable("MISSING"))
        #expect(message.status == .usageError)
        #expect(message.text.contains("MISSING"))
    }

    @Test func lineContinuation() {
        #expect(Tokenizer.continues("read temp \\"))
        #expect(!Tokenizer.continues("read temp \\\\"))
        #expect(LogicalLines.join(["read temp \\", "--limit 2", "ls"].map { ScriptLine($0) }).map(\.text) == ["read temp --limit 2", "ls"])
    }

    @Test func partialWordsForCompletion() {
        let (words, inside) = tokenizer.partialWords(in: "read 'temp")
        #expect(words.map(\.text) == ["read", "temp"])
        #expect(inside)
        let (after, insideAfter) = tokenizer.partialWords(in: "ls; read ")
        #expect(after.map(\.text) == ["read"])
        #expect(!insideAfter)
    }
}
