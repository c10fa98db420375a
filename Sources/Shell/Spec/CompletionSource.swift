/// What the completer offers for an argument's value.
struct CompletionSource: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case none
        case command
        case resourcePath
        case keyName
        case file
        case setting
        case values([String])
    }

    let kind: Kind

    static let none = CompletionSource(kind: .none)
    static let command = CompletionSource(kind: .command)
    static let resourcePath = CompletionSource(kind: .resourcePath)
    static let keyName = CompletionSource(kind: .keyName)
    static let file = CompletionSource(kind: .file)
    static let setting = CompletionSource(kind: .setting)
    static func values(_ values: [String]) -> CompletionSource { CompletionSource(kind: .values(values)) }

    var name: String {
        switch kind {
        case .none: return "none"
        case .command: return "command"
        case .resourcePath: return "resourcePath"
        case .keyName: return "keyName"
        case .file: return "file"
        case .setting: return "setting"
        case .values: return "values"
        }
    }
}
