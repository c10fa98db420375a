import Foundation
import OneP
import OnePEmbedded
import OnePlatform
import Shell
import TestSupport

/// A shell wired to a fresh in-memory platform whose clock the test moves, with its output
/// captured and a private HOME, so nothing touches the real machine.
struct ShellFixture {
    static let start = TestTime.start

    let clock: ManualClock
    let platform: Platform
    let buffer = OutputBuffer()
    let runner: ShellRunner
    /// The shell's HOME, removed when the fixture goes.
    let directory: TemporaryDirectory

    var home: String { directory.path }

    init(
        authenticated: Bool = true, environment extra: [String: String] = [:], continueOnError: Bool = false,
        configure: (inout ShellConfiguration) -> Void = { _ in },
        transport wrap: (any Transport) -> any Transport = { $0 }
    ) throws {
        let made = try ClockedPlatform.inMemory()
        let clock = made.clock
        self.clock = clock
        platform = made.platform
        directory = try TemporaryDirectory(prefix: "onep-shell")
        // Times print as unix seconds in UTC unless a test asks otherwise, so expectations do not
        // depend on the machine's zone.
        var environment = ["HOME": directory.path, "NO_COLOR": "1", "TZ": "UTC"]
        for (key, value) in extra { environment[key] = value }
        let transport = wrap(InProcessTransport(platform: platform))
        let bootstrap = platform.bootstrap
        let endpoint = Endpoint(
            description: "local", transport: transport, provision: InProcessProvisionTransport(platform: platform),
            vendor: VendorCredentials(name: bootstrap.vendorName, token: bootstrap.vendorToken))
        var configuration = ShellConfiguration(
            endpoint: endpoint, output: .capturing(buffer), environment: environment,
            now: { Int(clock.now()) })
        if authenticated { configuration.cik = platform.bootstrap.rootCIK }
        configuration.continueOnError = continueOnError
        configuration.catchesInterrupts = false
        configuration.timeFormat = "unix"
        configure(&configuration)
        runner = ShellRunner(configuration: configuration)
    }

    var rootCIK: String { platform.bootstrap.rootCIK }

    /// Writes `text` to a file in the fixture's directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try directory.write(name, text)
    }

    /// The path of `name` in the fixture's directory; the file is not created.
    func file(_ name: String) -> String {
        directory.file(name)
    }

    /// Runs one line and returns its status with what it printed.
    @discardableResult
    func run(_ line: String) async -> (status: Int32, out: String, err: String) {
        _ = buffer.take()
        let outcome = await runner.run(line: line)
        let (out, err) = buffer.take()
        return (outcome.status.code, out, err)
    }

    /// Runs lines that must succeed, as setup.
    func setUp(_ lines: String...) async throws {
        for line in lines {
            let result = await run(line)
            guard result.status == 0 else { throw SetupFailure(line: line, error: result.err) }
        }
    }

    /// The number of requests the last command made, from `set timing on` output.
    static func requests(in stderr: String) -> Int? {
        guard let range = stderr.range(of: "requests: ") else { return nil }
        return Int(stderr[range.upperBound...].prefix { $0.isNumber })
    }
}

struct SetupFailure: Error, CustomStringConvertible {
    let line: String
    let error: String
    var description: String { "\(line) failed: \(error)" }
}

extension ShellFixture {
    /// Another shell on the same platform, which has seen nothing of it yet.
    func newRunner(output: OutputBuffer = OutputBuffer(), transport wrap: (any Transport) -> any Transport = { $0 }) -> ShellRunner {
        let bootstrap = platform.bootstrap
        let endpoint = Endpoint(
            description: "local", transport: wrap(InProcessTransport(platform: platform)), provision: InProcessProvisionTransport(platform: platform),
            vendor: VendorCredentials(name: bootstrap.vendorName, token: bootstrap.vendorToken))
        var configuration = ShellConfiguration(
            endpoint: endpoint, output: .capturing(output), environment: ["HOME": home, "NO_COLOR": "1", "TZ": "UTC"])
        configuration.cik = rootCIK
        configuration.catchesInterrupts = false
        configuration.timeFormat = "unix"
        return ShellRunner(configuration: configuration)
    }
}
