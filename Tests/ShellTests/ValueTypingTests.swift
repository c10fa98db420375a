import OneP
import OnePJSON
import Synchronization
import Testing

@testable import Shell

/// A value goes over the wire with the type the person meant: the dataport's format decides
/// (text as typed for a string dataport, a number for a numeric one, `1` and `1.0` kept apart),
/// quotes decide where the format is not known, and `--string` forces text. The tests read the
/// RPC request bodies the shell sent.
@Suite struct ValueTypingTests {
    private func made(stdin: String = "") async throws -> (ShellFixture, CallLog) {
        let log = CallLog()
        let shell = try ShellFixture(configure: { $0.standardInputLines = { TextLines(text: stdin) } }, transport: { log.wrap($0) })
        try await shell.setUp(
            "create dataport s --format string", "create dataport n --format integer", "create dataport f --format float")
        return (shell, log)
    }

    /// The value the last `write` sent.
    private func written(_ shell: ShellFixture, _ log: CallLog, _ line: String) async throws -> JSON? {
        let result = await shell.run(line)
        try #require(result.status == 0, "\(line): \(result.err)")
        return log.calls("write").last?[1]
    }

    @Test func theFormatDecidesTheTypeOfAWrittenValue() async throws {
        let (shell, log) = try await made()
        #expect(try await written(shell, log, "write s 007") == .string("007"))
        #expect(try await written(shell, log, "write s 12") == .string("12"))
        #expect(try await written(shell, log, "write s 1.50") == .string("1.50"))
        #expect(try await written(shell, log, "write n 007") == .int(7))
        #expect(try await written(shell, log, "write n +5") == .int(5))
        #expect(try await written(shell, log, "write f 1") == .int(1))
        #expect(try await written(shell, log, "write f 1.0") == .double(1.0))
        // OnePJSON writes 1.0 as a float, so the platform sees what was typed.
        #expect(log.bodies.last?.contains(#""arguments":[{"alias":"f"},1.0]"#) == true || log.bodies.last?.contains(",1.0]") == true)
        try await shell.setUp("set format csv")
        #expect(await shell.run("read s n f").out.hasSuffix(",1.50,5,1.0\n"))
    }

    @Test func quotesAndStringForceText() async throws {
        let (shell, log) = try await made()
        #expect(try await written(shell, log, #"write s "12""#) == .string("12"))
        #expect(try await written(shell, log, "write s '007'") == .string("007"))
        #expect(try await written(shell, log, "write s 42 --string") == .string("42"))
        #expect(try await written(shell, log, "write n 12 --string") == .string("12"))
        // A numeric dataport reads a quoted number as the number: its format decides.
        #expect(try await written(shell, log, #"write n "12""#) == .int(12))
        // Text that is no number goes as text, and the platform's refusal is explained.
        let refused = await shell.run("write n abc")
        #expect(refused.status == 1)
        #expect(refused.err.contains("'abc' is not a number") && refused.err.contains("'n' is an integer dataport"), "\(refused.err)")
        #expect(log.calls("write").last?[1] == .string("abc"))
    }

    @Test func whereTheFormatIsNotKnownQuotesDecide() async throws {
        let (shell, log) = try await made()
        let listing = await shell.run("ls -l").out.split(separator: "\n").first { $0.hasPrefix("s ") }
        let rid = try #require(listing?.split(separator: " ").last.map(String.init))
        // A shell that has listed nothing knows no format: an unquoted number asks for it first,
        // a quoted value is text without asking.
        let output = OutputBuffer()
        let fresh = shell.newRunner(output: output, transport: { log.wrap($0) })
        let infos = log.calls("info").count
        _ = await fresh.run(line: "write \(rid) 12")
        #expect(output.take().stderr == "")
        #expect(log.calls("write").last?[1] == .string("12"))
        #expect(log.calls("info").count > infos)
        let asked = log.calls("info").count
        _ = await fresh.run(line: "write \(rid) '13'")
        #expect(output.take().stderr == "")
        #expect(log.calls("write").last?[1] == .string("13"))
        #expect(log.calls("info").count == asked)
        #expect(ValueParsing.value("13", format: nil, quoted: true) == .string("13"))
        #expect(ValueParsing.value("13", format: nil, quoted: false) == .int(13))
        #expect(ValueParsing.value("007", format: nil, quoted: false) == .string("007"))
    }

    @Test func writegroupTypesEachValueForItsDataport() async throws {
        let (shell, log) = try await made()
        try await shell.setUp("writegroup s=007 n=007 f=2")
        let pairs = log.calls("writegroup").last?[0].arrayValue?.compactMap { $0[1] }
        #expect(pairs == [.string("007"), .int(7), .int(2)])
    }

    @Test func recordTypesItsValuesByFormatFromArgumentsAndStandardInput() async throws {
        let (shell, log) = try await made(stdin: "10,007\n20,1.50\n")
        try await shell.setUp("record s 1,007 2,12", "record n 1,007", "record f 1,1 2,1.0", "record n 3,12 --string")
        let sent = log.calls("recordbatch").map { $0[1].arrayValue?.compactMap { $0[1] } ?? [] }
        #expect(sent == [[.string("007"), .string("12")], [.int(7)], [.int(1), .double(1.0)], [.string("12")]])
        try await shell.setUp("record s -")
        #expect(log.calls("recordbatch").last?[1].arrayValue?.compactMap { $0[1] } == [.string("007"), .string("1.50")])
        try await shell.setUp("set format csv")
        #expect(await shell.run("read s --limit 2").out.hasSuffix("\n20,1.50\n10,007\n"))
    }

    @Test func aValueFromStandardInputIsTypedLikeATypedOne() async throws {
        let (shell, log) = try await made(stdin: "007\n")
        #expect(try await written(shell, log, "write s -") == .string("007"))
        #expect(try await written(shell, log, "write n -") == .int(7))
    }
}

/// Every RPC request body a shell sent, to read back the calls it made.
final class CallLog: Sendable {
    private let sent = Mutex<[String]>([])

    func wrap(_ base: any Transport) -> any Transport {
        BeforeSending(base) { body, _ in self.sent.withLock { $0.append(String(decoding: body, as: UTF8.self)) } }
    }

    var bodies: [String] { sent.withLock { $0 } }

    /// The arguments of each call of `procedure`, oldest first.
    func calls(_ procedure: String) -> [[JSON]] {
        bodies.flatMap { body -> [[JSON]] in
            let calls = (try? JSON(parsing: body))?["calls"]?.arrayValue ?? []
            return calls.filter { $0["procedure"]?.stringValue == procedure }.map { $0["arguments"]?.arrayValue ?? [] }
        }
    }
}
