import Foundation
import TestSupport
import Testing

/// `onep serve` under a small open-file limit with more idle clients than descriptors: it neither
/// spins nor leaves new clients hanging, it answers them `503`.
@Suite(.serialized) struct DescriptorLimitTests {
    @Test func moreIdleConnectionsThanDescriptorsGet503WithoutSpinning() async throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.url
        defer { try? FileManager.default.removeItem(at: directory) }
        let serve = try await StartedServe.start(directory: directory, openFileLimit: 256)
        var idle: [RawHTTPConnection] = []
        for _ in 0..<320 { idle.append(try RawHTTPConnection(port: serve.port, timeout: 5)) }
        // Real time on purpose: what is measured is the server's use of the processor while it is full.
        try await Task.sleep(for: .milliseconds(500))
        let before = serve.cpuSeconds
        try await Task.sleep(for: .seconds(1))
        let used = serve.cpuSeconds - before
        #expect(used < 0.25, "the server used \(used) s of processor in 1 s with its descriptors taken")
        let late = try RawHTTPConnection(port: serve.port, timeout: 5)
        let response = try await late.get("/timestamp")
        #expect(response.status == 503)
        idle.removeAll()
        #expect(try await serve.process.stop() == 0)
    }
}
