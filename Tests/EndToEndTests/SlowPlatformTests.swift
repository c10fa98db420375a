import Foundation
import Testing

/// Typing at the prompt while the platform is slow to answer: completion asks the platform in the
/// background and the keystrokes do not wait for it.
@Suite("Slow platform")
struct SlowPlatformTests {
    typealias Key = PseudoTerminal.Key

    @Test func typingStaysResponsiveWhileACompletionFetchIsHeld() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let proxy = try HoldingProxy(forwardingTo: served.url)
        defer { proxy.stop() }
        let setup = try OnepBinary.run(
            ["--host", served.url, "--cik", served.rootCIK, "-c", "create client dev", "-c", "create dataport dev/temperature"], in: world)
        #expect(setup.status == 0, "\(setup)")

        let terminal = try PseudoTerminal.onep(in: world, arguments: ["--host", proxy.url, "--cik", served.rootCIK])
        try terminal.typeLine("ls")
        try terminal.waitFor("dev/")
        try terminal.waitForPrompt("onep:/> ")

        // From here the platform answers nothing until the test says so.
        proxy.hold()
        try terminal.type("read dev/te" + Key.tab)
        #expect(proxy.waitUntilHeld(1), "Tab did not ask the platform for dev's children")
        let typed = ContinuousClock.now
        try terminal.type("xyz")
        try terminal.waitFor("xyz")
        let echoed = ContinuousClock.now - typed
        try terminal.type(Key.interrupt)
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("pwd")
        try terminal.waitFor("/  ")
        try terminal.waitForPrompt("onep:/> ")
        // All of that happened while the platform still held its answer back.
        #expect(proxy.heldAnswers >= 1)
        #expect(echoed < .seconds(5))

        // Once the platform answers, the names land in the cache and Tab completes them.
        proxy.release()
        var completed = false
        for _ in 0..<20 where !completed {
            try terminal.type(Key.interrupt)
            try terminal.waitForPrompt("onep:/> ")
            try terminal.type("read dev/te" + Key.tab)
            completed = (try? terminal.waitFor("dev/temperature", timeout: .milliseconds(500))) != nil
        }
        #expect(completed)
        try terminal.type(Key.interrupt)
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }
}
