import Foundation

/// A one-line progress bar on standard error for bulk work (`provision sn add --file`, content
/// uploads and downloads). It draws only when given a writer, which the shell does only when
/// standard error is a terminal, so scripts see nothing extra.
// @unchecked Sendable: `done`, `total` and `shown` are only touched while holding `lock`.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let write: (@Sendable (String) -> Void)?
    private let lock = NSLock()
    private var total: Int?
    private var done = 0
    /// What was last drawn, so a redraw happens only when the line would change.
    private var shown = ""
    static let width = 30

    init(label: String, total: Int?, write: (@Sendable (String) -> Void)?) {
        self.label = label
        self.total = total
        self.write = write
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
        let line = lock.withLock { () -> String? in
            self.done = done
            if let total { self.total = total }
            let text = render()
            guard text != shown else { return nil }
            shown = text
            return text
        }
        if let line { write("\r" + line) }
    }

    /// Clears the bar's line, leaving the terminal as it was.
    func finish() {
        guard let write, !lock.withLock({ shown.isEmpty }) else { return }
        write("\r\u{1B}[K")
    }

    private func render() -> String {
        guard let total, total > 0 else { return "\(label) \(ProgressBar.amount(done))" }
        let fraction = min(1, Double(done) / Double(total))
        let filled = Int(fraction * Double(ProgressBar.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: ProgressBar.width - filled)
        return "\(label) [\(bar)] \(Int(fraction * 100))%"
    }

    private static func amount(_ count: Int) -> String {
        count >= 1024 * 1024 ? String(format: "%.1f MB", Double(count) / 1_048_576) : "\(count)"
    }
}
