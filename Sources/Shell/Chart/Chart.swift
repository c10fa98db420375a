import OnePJSON

/// Series of numbers over time, drawn as a chart for people (`plot`); programs get the points.
struct Chart: Sendable, Equatable {
    struct Series: Sendable, Equatable {
        var name: String
        /// The unit from the resource's meta, when it names one.
        var unit: String?
        /// (unix time, value), oldest first.
        var points: [Point]
    }

    struct Point: Sendable, Equatable {
        var time: Int
        var value: Double
    }

    var series: [Series]
    /// The rows programs get: a timestamp and a value per series.
    var table: Table
    /// Rows of the plotting area.
    var height = 12
}

/// How a chart is drawn: its size and which glyphs the terminal shows.
struct ChartStyle: Sendable {
    /// Columns the whole chart may take, labels included.
    var width: Int
    /// Braille dots when the terminal shows Unicode, else ASCII marks.
    var unicode = true
    var color = false
}
