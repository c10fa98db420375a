import Testing

/// Every malformed line gets one clear line on stderr and the right exit class, before any request.
@Suite struct BadInputTests {
    @Test(arguments: [
        ("exit soon", 2, "exit: CODE 'soon' is not valid, expected an integer"),
        ("unset colour", 2, "unset: NAME 'colour' is not valid"),
        ("read a --limit 0", 2, "read: --limit '0' is not valid, expected a positive number or 'all'"),
        ("grant a", 2, "grant: missing --allow"),
        ("tag a paint red", 2, "tag: ACTION 'paint' is not valid, expected one of add, remove"),
        ("activate coupon 1234", 2, "activate: KIND 'coupon' is not valid, expected one of share, client"),
        ("rpc", 2, "rpc: missing PROCEDURE"),
        ("create dataport dev/", 2, "create: missing NAME"),
        ("write a 'unclosed", 2, "unterminated ' quote at column 9"),
        ("rpc info {\"alias\": \"\"", 2, "unterminated JSON at column 10"),
        ("write a ${ONEP_TEST_UNSET}", 2, "${ONEP_TEST_UNSET} is not set in the environment"),
        ("ls --long --long --color", 2, "ls: unknown option '--color'"),
        ("keys list", 2, "'keys' has no subcommand 'list'; choose one of: add, rm"),
        ("flush a --newer-than soon", 2, "'soon' is not a time"),
        ("info a --include", 2, "info: --include needs a value"),
        ("drop", 2, "drop: missing RES"),
        ("ls --long=yes", 2, "ls: --long 'yes' is not valid, expected no value"),
    ])
    func rejected(line: String, status: Int32, message: String) async throws {
        let shell = try ShellFixture()
        try await shell.setUp("set timing on")
        let result = await shell.run(line)
        #expect(result.status == status)
        #expect(result.err.hasPrefix("error: " + message), "\(result.err)")
        #expect(result.err.split(separator: "\n").first?.contains("\n") == false)
        #expect(result.out.isEmpty)
    }
}
