import Foundation
import Testing

import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Terminal detection and size")
struct TerminalTests {
    /// A pseudo-terminal pair whose size the test sets; closed when the test is done.
    private final class PseudoTerminalPair {
        let controller: Int32
        let terminal: Int32

        init(columns: UInt16) throws {
            var controller: Int32 = -1
            var terminal: Int32 = -1
            var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
            try #require(openpty(&controller, &terminal, nil, nil, &size) == 0)
            self.controller = controller
            self.terminal = terminal
        }

        deinit {
            close(terminal)
            close(controller)
        }
    }

    @Test func aPseudoTerminalIsATerminalAndReportsItsWidth() throws {
        let pair = try PseudoTerminalPair(columns: 123)
        #expect(isTerminal(pair.terminal))
        #expect(TerminalSize.columns(fileDescriptor: pair.terminal) == 123)
    }

    @Test func aPipeIsNotATerminalAndGetsAFallbackWidth() throws {
        let pipe = Pipe()
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        #expect(!isTerminal(descriptor))
        let columns = TerminalSize.columns(fileDescriptor: descriptor)
        let fromEnvironment = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        #expect(columns == fromEnvironment ?? TerminalSize.fallbackColumns)
    }

    @Test func aClosedDescriptorIsNotATerminal() {
        #expect(!isTerminal(-1))
    }
}
