import OneP
import Testing

/// How errors read: one line, named once.
@Suite struct ErrorMessageTests {
    /// An error from below the shell that none of its own kinds covers.
    struct Breakdown: Error, CustomStringConvertible {
        var description: String { "the transport broke down" }
    }

    /// A transport that fails every request with ``Breakdown``.
    struct BrokenTransport: Transport {
        func send(_ body: [UInt8]) async throws -> [UInt8] { throw Breakdown() }
    }

    @Test func anErrorTheShellDoesNotKnowIsNamedOnce() async throws {
        let shell = try ShellFixture(transport: { _ in BrokenTransport() })
        let result = await shell.run("read temperature")
        #expect(result.status == 1)
        #expect(result.err == "error: the transport broke down\n")
    }
}
