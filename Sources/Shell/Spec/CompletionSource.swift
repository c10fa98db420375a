/// What the completer offers for an argument's value.
struct CompletionSource: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case none
        case command
        case resourcePath
        /// A path that ends at a script datarule.
        case scriptPath
        /// A script's name under one client (see ``CompletionSource/scriptName``).
        case scriptName
        case keyName
        case file
        /// Lua files (`.lua`) and the directories on the way to them.
        case luaFile
        /// Templates (`.yaml`, `.yml`) and the directories on the way to them.
        case yamlFile
        case setting
        case values([String])
        /// Names a provider registered under this key supplies (see ``CompletionProviders``).
        case provider(String)
    }

    let kind: Kind

    static let none = CompletionSource(kind: .none)
    static let command = CompletionSource(kind: .command)
    static let resourcePath = CompletionSource(kind: .resourcePath)
    static let keyName = CompletionSource(kind: .keyName)
    static let file = CompletionSource(kind: .file)
    static let luaFile = CompletionSource(kind: .luaFile)
    static let yamlFile = CompletionSource(kind: .yamlFile)
    static let setting = CompletionSource(kind: .setting)
    static func values(_ values: [String]) -> CompletionSource { CompletionSource(kind: .values(values)) }
    /// Hooks for the provisioning commands: model names, serial numbers and content ids come
    /// from the vendor's data once a provider for them is registered.
    static let modelName = CompletionSource(kind: .provider("model"))
    static let serialNumber = CompletionSource(kind: .provider("serialNumber"))
    static let contentID = CompletionSource(kind: .provider("content"))
    /// A path to a script datarule: clients to go through, then the scripts in the last one.
    static let scriptPath = CompletionSource(kind: .scriptPath)
    /// The name of a script in the client `--to` names, else in the current client.
    static let scriptName = CompletionSource(kind: .scriptName)

    var name: String {
        switch kind {
        case .none: return "none"
        case .command: return "command"
        case .resourcePath: return "resourcePath"
        case .scriptPath: return "scriptPath"
        case .scriptName: return "scriptName"
        case .keyName: return "keyName"
        case .file: return "file"
        case .luaFile: return "luaFile"
        case .yamlFile: return "yamlFile"
        case .setting: return "setting"
        case .values: return "values"
        case .provider(let key): return key
        }
    }
}
