import OnePJSON
import Testing

@testable import Shell

@Suite struct ParserTests {
    let parser = CommandParser(commands: CommandTable.all)

    func message(_ words: [String]) -> ShellMessage? {
        do {
            _ = try parse(words)
            return nil
        } catch {
            return ShellMessage(error: error, commands: CommandTable.all)
        }
    }

    func parse(_ words: [String]) throws(ShellError) -> (spec: CommandSpec, arguments: ParsedArguments) {
        try parser.parse(words).checked()
    }

    @Test func theCommandTableIsValid() {
        #expect(SpecValidator.problems(in: CommandTable.all).isEmpty)
    }

    @Test func bindsPositionalsOptionsAndFlags() throws {
        let (spec, arguments) = try parse(["read", "a", "b", "--limit", "5", "--start=-2h", "-f"])
        #expect(spec.name == "read")
        #expect(arguments[ReadCommand.resources] == ["a", "b"])
        #expect(arguments[ReadCommand.limit] == "5")
        #expect(arguments[ReadCommand.start] == TimeExpression(parsing: "-2h"))
        #expect(arguments[ReadCommand.follow])
    }

    @Test func negativeNumbersAreValues() throws {
        let (_, arguments) = try parse(["write", "temp", "-5"])
        #expect(arguments[WriteCommands.value] == "-5")
    }

    @Test func longestCommandWins() throws {
        #expect(try parse(["keys", "add", "k", "0123456789abcdef0123456789abcdef01234567"]).spec.name == "keys add")
        #expect(try parse(["keys"]).spec.name == "keys")
        #expect(try parse(["auth", "token", "t"]).spec.name == "auth token")
    }

    @Test func unknownCommandSuggests() {
        let result = message(["raed", "temp"])
        #expect(result?.text == "unknown command 'raed' (did you mean 'read'?); type 'help' for the list")
        #expect(result?.status == .usageError)
    }

    @Test func unknownSubcommandListsChoices() {
        #expect(message(["keys", "ad"])?.text.contains("did you mean 'add'") == true)
    }

    @Test func unknownOptionSuggests() {
        let result = message(["read", "temp", "--limt", "5"])
        #expect(result?.text == "read: unknown option '--limt' (did you mean '--limit'?)")
        #expect(result?.usage?.hasPrefix("usage: read RES...") == true)
    }

    @Test func missingAndExtraArguments() {
        #expect(message(["write", "temp"])?.text == "write: missing VALUE")
        #expect(message(["pwd", "x"])?.text == "pwd: unexpected argument 'x'")
        #expect(message(["read", "temp", "--limit"])?.text == "read: --limit needs a value")
    }

    @Test func badValuesAreUsageErrors() {
        #expect(message(["read", "temp", "--chunk", "many"])?.text == "read: --chunk 'many' is not valid, expected an integer")
        #expect(message(["read", "temp", "--start", "yesterday"])?.text.hasPrefix("'yesterday' is not a time") == true)
        #expect(message(["read", "temp", "--sort", "up"])?.text == "read: --sort 'up' is not valid, expected one of asc, desc")
        #expect(message(["create", "dataport", "x", "--json", "{oops}"])?.text.hasPrefix("'{oops}' is not valid JSON") == true)
        #expect(message(["info", "x", "--include", "basic,colour"])?.status == .usageError)
    }

    @Test func helpNeedsNoArguments() throws {
        let (_, arguments) = try parse(["write", "--help"])
        #expect(arguments[CommandSpec.help])
    }

    @Test func editDistance() {
        #expect(Suggester.editDistance("raed", "read") == 1)
        #expect(Suggester.editDistance("", "abc") == 3)
        #expect(Suggester.closest(to: "tre", among: ["tree", "read", "set"]).first == "tree")
        #expect(Suggester.closest(to: "zzzzzz", among: ["tree", "read"]).isEmpty)
    }

    @Test func completionOffersCommandsOptionsAndValues() {
        let paths = PathCache()
        paths.learn(children: [.named("temperature", rid: "t"), .named("dev", rid: "d", type: "client")], aliases: [:], under: "root")
        paths.learn(children: [.named("humidity", rid: "h")], aliases: [:], under: "d")
        let snapshot = CompletionSnapshot(paths: paths, pathRIDs: ["root"])
        let completer = Completer(commands: CommandTable.all, environment: [:], snapshot: snapshot)
        #expect(completer.complete(textBeforeCursor: "tr").candidates == ["tree"])
        #expect(completer.complete(textBeforeCursor: "keys ").candidates == ["add", "clean", "rm", "show"])
        #expect(completer.complete(textBeforeCursor: "read te").candidates == ["temperature"])
        #expect(completer.complete(textBeforeCursor: "read te").replacing == 2)
        #expect(completer.complete(textBeforeCursor: "read temp --so").candidates == ["--sort"])
        #expect(completer.complete(textBeforeCursor: "read temp --sort ").candidates == ["asc", "desc"])
        #expect(completer.complete(textBeforeCursor: "set format ").candidates == ["csv", "json", "text"])
        #expect(completer.complete(textBeforeCursor: "ls ").candidates == ["..", "/", "dev/", "temperature"])
        #expect(completer.complete(textBeforeCursor: "read dev/h") == (5, ["dev/humidity"]))
        #expect(completer.complete(textBeforeCursor: "read /dev/").candidates == ["/dev/humidity"])
        #expect(completer.complete(textBeforeCursor: "read nothing/").candidates.isEmpty)
    }

    /// Completion reads a line with the parser's own walk: a short flag (`-l`) takes no value,
    /// `--opt=value` completes its value in place, and after `--` a dash starts an argument.
    @Test func completionReadsOptionsAsTheParserDoes() {
        let paths = PathCache()
        paths.learn(children: [.named("dev", rid: "d", type: "client"), .named("-odd", rid: "o")], aliases: [:], under: "root")
        let completer = Completer(commands: CommandTable.all, environment: [:], snapshot: CompletionSnapshot(paths: paths, pathRIDs: ["root"]))
        #expect(completer.complete(textBeforeCursor: "ls -l d").candidates == ["dev/"])
        #expect(completer.complete(textBeforeCursor: "read x --sort=a").candidates == ["--sort=asc"])
        #expect(completer.complete(textBeforeCursor: "read x --limit 5 d").candidates == ["dev/"])
        #expect(completer.complete(textBeforeCursor: "read -- -o").candidates == ["-odd"])
        #expect(completer.complete(textBeforeCursor: "read -o").candidates.isEmpty)
    }

    @Test func redactionReadsWordsAsTheParserDoes() {
        let redactor = HistoryRedactor(commands: CommandTable.all, environment: [:])
        let cik = "0123456789abcdef0123456789abcdef01234567"
        #expect(redactor.redact("auth -- \(cik)") == "auth -- <redacted>")
        #expect(redactor.redact("auth --client \(cik) \(cik)") == "auth --client \(cik) <redacted>")
        #expect(redactor.redact("provision auth --token=\(cik) --vendor v") == "provision auth --token=<redacted> --vendor v")
        #expect(redactor.redact("revoke client \(cik) --yes") == "revoke client <redacted> --yes")
    }

    @Test func historyMasksSecrets() {
        let redactor = HistoryRedactor(commands: CommandTable.all, environment: [:])
        let cik = "0123456789abcdef0123456789abcdef01234567"
        #expect(redactor.redact("auth \(cik)") == "auth <redacted>")
        #expect(redactor.redact("keys add dev \(cik); ls") == "keys add dev <redacted>; ls")
        #expect(redactor.redact("auth mykey") == "auth mykey")
        #expect(redactor.redact("read \(cik)") == "read \(cik)")
        #expect(redactor.redact("auth token tok-12345678") == "auth token <redacted>")
        #expect(redactor.redact("lookup --share=code-abcdefgh") == "lookup --share=<redacted>")
    }
}

extension Child {
    /// A child as a listing describes it, for tests that fill a path cache by hand.
    static func named(_ name: String, rid: String, type: String = "dataport") -> Child {
        Child(rid: rid, type: type, info: ["description": ["name": .string(name)]], alias: nil)
    }
}
