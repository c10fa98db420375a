import OnePJSON

/// The pipeline fields every dataport, datarule and dispatch shares.
public struct PipelineOptions: Sendable, Equatable {
    public var name: String?
    /// The RID of the resource whose writes this one receives.
    public var subscribe: String?
    public var preprocess: [PreprocessStep]?
    public var retention: RetentionPolicy?

    public init(name: String? = nil, subscribe: String? = nil, preprocess: [PreprocessStep]? = nil, retention: RetentionPolicy? = nil) {
        self.name = name
        self.subscribe = subscribe
        self.preprocess = preprocess
        self.retention = retention
    }

    /// Adds the fields that are set to `object`, leaving the others to the platform's defaults.
    func add(to object: inout JSONObject) {
        if let name { object["name"] = .string(name) }
        if let subscribe { object["subscribe"] = .string(subscribe) }
        if let preprocess { object["preprocess"] = .array(preprocess.map(\.json)) }
        if let retention { object["retention"] = retention.json }
    }

    /// Just these fields, as an `update` description.
    public var json: JSON {
        var object = JSONObject()
        add(to: &object)
        return .object(object)
    }
}

/// The storage format of a dataport or datarule.
public enum PointFormat: String, Sendable, CaseIterable {
    case integer, float, string
}

/// Descriptions for `create`, built from typed parts.
public enum ResourceDescription {
    public static func dataport(_ format: PointFormat, _ options: PipelineOptions = .init()) -> JSON {
        var object: JSONObject = ["format": .string(format.rawValue)]
        options.add(to: &object)
        return .object(object)
    }

    /// A datarule; a script rule stores strings whatever `format` says, so pass `.string` for one.
    public static func datarule(_ rule: DataruleRule, format: PointFormat = .integer, _ options: PipelineOptions = .init()) -> JSON {
        var object: JSONObject = ["format": .string(format.rawValue), "rule": rule.json]
        options.add(to: &object)
        return .object(object)
    }

    /// A dispatch; an empty `message` sends the value it receives.
    public static func dispatch(
        _ method: DispatchMethod, recipient: String, message: String? = nil, subject: String? = nil, _ options: PipelineOptions = .init()
    ) -> JSON {
        var object: JSONObject = ["method": .string(method.rawValue), "recipient": .string(recipient)]
        if let message { object["message"] = .string(message) }
        if let subject { object["subject"] = .string(subject) }
        options.add(to: &object)
        return .object(object)
    }
}
