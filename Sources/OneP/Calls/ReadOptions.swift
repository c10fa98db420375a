import OnePJSON

/// The window and shape of a `read`. Only the options that are set travel; the platform fills in
/// the rest (start 0, end now, newest first, one point, every point).
public struct ReadOptions: Sendable, Hashable {
    public enum Sort: String, Sendable, Hashable {
        case asc
        case desc
    }

    public enum Selection: String, Sendable, Hashable {
        case all
        /// At most one point from each of `limit` equal slices of the window.
        case givenwindow
        /// Points sampled evenly among those in the window, up to `limit`.
        case autowindow
    }

    public var starttime: Int?
    public var endtime: Int?
    public var sort: Sort?
    public var limit: Int?
    public var selection: Selection?

    public init(starttime: Int? = nil, endtime: Int? = nil, sort: Sort? = nil, limit: Int? = nil, selection: Selection? = nil) {
        self.starttime = starttime
        self.endtime = endtime
        self.sort = sort
        self.limit = limit
        self.selection = selection
    }

    public var json: JSON {
        var object = JSONObject()
        if let starttime { object["starttime"] = .int(starttime) }
        if let endtime { object["endtime"] = .int(endtime) }
        if let sort { object["sort"] = .string(sort.rawValue) }
        if let limit { object["limit"] = .int(limit) }
        if let selection { object["selection"] = .string(selection.rawValue) }
        return .object(object)
    }
}
