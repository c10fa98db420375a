/// The alias tables and alias objects one script has handed out, so each is one Lua value that
/// keeps its own `.last` and `.status`.
struct ScriptObjects {
    /// An alias table: the global `alias` (the owner's) or a client alias's `.alias`.
    struct AliasTable {
        /// The client the names are looked up in; nil for the script's owner, whoever it is now.
        let client: Int64?
    }

    /// An alias object: one resource as the script sees it.
    struct ResourceAlias {
        let key: Int64
        let rid: String
        let type: ResourceType
        /// Where `.wait` continues from.
        var last: Int
        /// The outcome of the latest access.
        var status = CallStatus.ok.word
    }

    enum Object {
        case table(AliasTable)
        case resource(ResourceAlias)
    }

    private(set) var list: [Object] = []
    private var tables: [Int64: Int] = [:]
    private var ownerTable: Int?
    private var resources: [Int64: Int] = [:]

    /// The index of the alias table of `client` (nil: the owner), made on first use.
    mutating func table(for client: Int64?) -> Int {
        if let client, let index = tables[client] { return index }
        if client == nil, let ownerTable { return ownerTable }
        list.append(.table(AliasTable(client: client)))
        let index = list.count - 1
        if let client { tables[client] = index } else { ownerTable = index }
        return index
    }

    /// The index of the alias object of a resource, if the script has one.
    func resource(key: Int64) -> Int? {
        resources[key]
    }

    mutating func add(_ alias: ResourceAlias) -> Int {
        list.append(.resource(alias))
        resources[alias.key] = list.count - 1
        return list.count - 1
    }

    func aliasTable(at index: Int) -> AliasTable? {
        guard list.indices.contains(index), case .table(let table) = list[index] else { return nil }
        return table
    }

    func resourceAlias(at index: Int) -> ResourceAlias? {
        guard list.indices.contains(index), case .resource(let alias) = list[index] else { return nil }
        return alias
    }

    mutating func update(_ index: Int, _ change: (inout ResourceAlias) -> Void) {
        guard list.indices.contains(index), case .resource(var alias) = list[index] else { return }
        change(&alias)
        list[index] = .resource(alias)
    }
}
