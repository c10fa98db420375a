import Foundation
import Testing

/// `history` in a real interactive session lists earlier sessions' lines too, and `history -c`
/// leaves nothing for the arrow keys to recall.
@Suite("History listing")
struct HistoryListingTests {
    typealias Key = PseudoTerminal.Key

    private func startShell(in world: IsolatedEnvironment) throws -> PseudoTerminal {
        return try PseudoTerminal.onep(in: world)
    }

    @Test func historyListsEarlierSessionsAndClearingEmptiesTheRecall() throws {
        let world = try IsolatedEnvironment()
        do {
            let first = try startShell(in: world)
            try first.typeLine("cd demo")
            try first.waitForPrompt("onep:/demo> ")
            try first.typeLine("cd ..")
            try first.waitForPrompt("onep:/> ")
            try first.type(Key.endOfFile)
            #expect(try first.waitForExit() == .exited(0))
        }

        let terminal = try startShell(in: world)
        try terminal.typeLine("history")
        try terminal.waitFor("1  cd demo\n")
        try terminal.waitFor("2  cd ..\n")
        try terminal.waitFor("3  history\n")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("history -c")
        try terminal.waitForPrompt("onep:/> ")
        // With the editor's list still full, these would bring back 'cd demo'.
        try terminal.type(Key.arrowUp + Key.arrowUp + Key.arrowUp + Key.enter)
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("history")
        try terminal.waitFor("1  history\n")
        try terminal.waitForPrompt("onep:/> ")
        #expect(!terminal.transcript.contains("onep:/demo> "))
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }
}
