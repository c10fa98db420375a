import Foundation
import Synchronization

/// A one-line progress bar on standard error for bulk work (`provision sn add --file`, content
/// uploads and downloads). It draws only when given a writer, which the shell does only when
/// standard error is a terminal, so scripts see nothing extra.
final class ProgressBar: Sendable {
    private struct State {
        var total: Int?
        var done = 0
        /// What was last drawn, so a redraw happens only when the line would change.
        var shown = ""
    }

    private let label: String
    private let write: (@Sendable (String) -> Void)?
    private let state: Mutex<State>
    static let width = 30

    init(label: String, total: Int?, write: (@Sendable (String) -> Void)?) {
        self.label = label
        self.write = write
        state = Mutex(State(total: total))
    }

    var isVisible: Bool { write != nil }

    /// A callback for a transfer that counts bytes read; nil when the bar is not drawn.
    var byteCounter: (@Sendable (Int) -> Void)? {
        guard isVisible else { return nil }
        return { @Sendable [self] done in update(done) }
    }

    /// A callback for a download that learns its total as it starts; nil when the bar is not drawn.
    var downloadCounter: (@Sendable (Int, Int?) -> Void)? {
        guard isVisible else { return nil }
        return { @Sendable [self] done, total in update(done, total: total) }
    }

    /// Sets how much is done, and the total when it has become known.
    func update(_ done: Int, total: Int? = nil) {
        guard let write else { return }
        let line = state.withLock { state -> String? in
            state.done = done
            if let total { state.total = total }
            let text = render(state)
            guard text != state.shown else { return nil }
            state.shown = text
            return text
        }
        if let line { write("\r" + line) }
    }

    /// Ends the bar's line, so what is printed next starts on a line of its own and the bar's last
    /// state stays readable.
    func finish() {
        guard let write, !state.withLock({ $0.shown.isEmpty }) else { return }
        write("\n")
    }

    private func render(_ state: State) -> String {
        guard let total = state.total, total > 0 else { return "\(label) \(ProgressBar.amount(state.done))" }
        let fraction = min(1, Double(state.done) / Double(total))
        let filled = Int(fraction * Double(ProgressBar.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: ProgressBar.width - filled)
        return "\(label) [\(bar)] \(Int(fraction * 100))%"
    }

    private static func amount(_ count: Int) -> String {
        count >= 1024 * 1024 ? String(format: "%.1f MB", Double(count) / 1_048_576) : "\(count)"
    }
}
