import OnePJSON
import Synchronization

/// Where a command that prints as it reads (a long `read`, `read --follow`) sends its rows: each
/// batch is rendered and written at once, so only one batch is ever held and a table that starts
/// empty still prints its header aligned with the rows to come.
final class RowSink: Sendable {
    private let renderer: Mutex<any TableStreamRenderer>
    private let write: @Sendable (String) -> Void
    private let counted = Atomic<Int>(0)

    /// Also told each batch (a transcript names the times in it).
    private let observe: (@Sendable ([[JSON]]) -> Void)?

    init(renderer: any TableStreamRenderer, observe: (@Sendable ([[JSON]]) -> Void)? = nil, write: @escaping @Sendable (String) -> Void) {
        self.renderer = Mutex(renderer)
        self.observe = observe
        self.write = write
    }

    /// Renders and writes a batch of rows; an empty batch still lets the header out.
    func send(_ rows: [[JSON]]) {
        counted.add(rows.count, ordering: .relaxed)
        observe?(rows)
        let text = renderer.withLock { $0.rows(rows) }
        if !text.isEmpty { write(text) }
    }

    /// Renders and writes rows of a timestamp and one value per series (a read's).
    func send(_ rows: TimedRows) {
        counted.add(rows.count, ordering: .relaxed)
        observe?(rows.tableRows)
        let text = renderer.withLock { $0.rows(rows) }
        if !text.isEmpty { write(text) }
    }

    /// How many rows were sent.
    var rowCount: Int { counted.load(ordering: .relaxed) }

    /// Writes what ends the table (the header of a table that got no rows, JSON's closing bracket).
    func finish() {
        let text = renderer.withLock { $0.end() }
        if !text.isEmpty { write(text) }
    }
}

/// A table rendered a batch at a time: one per output format.
protocol TableStreamRenderer: Sendable {
    /// The text of a batch of rows, with whatever must come before the first.
    mutating func rows(_ rows: [[JSON]]) -> String
    /// The same text as ``rows(_:)-([[JSON]])`` of the timed rows' ``TimedRows/tableRows``.
    mutating func rows(_ rows: TimedRows) -> String
    /// The text that ends the table.
    mutating func end() -> String
}

extension TableStreamRenderer {
    mutating func rows(_ rows: TimedRows) -> String {
        self.rows(rows.tableRows)
    }
}
