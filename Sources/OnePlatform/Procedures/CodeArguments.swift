import OnePJSON

/// The arguments of `activate`, `deactivate` and `revoke`: `[client, type, code]` or `[type, code]`.
struct CodeArguments {
    enum Kind: String {
        case client
        case share
    }

    /// The client the call acts under: the one named, or the caller.
    let client: ResourceRecord
    let kind: Kind
    let code: JSON

    init(_ arguments: Arguments, in context: CallContext) throws {
        try arguments.expectAtMost(3)
        let offset = arguments.count == 3 ? 1 : 0
        client = offset == 1 ? try context.client(try arguments.required(0, "client")) : context.caller
        let word = try arguments.string(offset, "type")
        guard let kind = Kind(rawValue: word) else { throw CallFailure.arguments("type must be client or share, not \(word)") }
        self.kind = kind
        code = try arguments.required(offset + 1, "code")
    }

    /// The code as text; a code of another kind fails the call.
    func text() throws -> String {
        guard let text = code.stringValue else { throw CallFailure.arguments("a code is a string") }
        return text
    }

    /// The client whose CIK is the code; it must lie below ``client``.
    ///
    /// - Throws: `invalid` for an unknown CIK, `noauth` for a client that is not below.
    func keyHolder(in context: CallContext) throws -> ResourceRecord {
        let cik = try text()
        guard Identifiers.canonical(cik) != nil, let holder = try ResourceRecord.fetch(context.db, cik: cik.lowercased()) else {
            throw CallFailure.invalid
        }
        guard holder.key != client.key, try ResourceRecord.isWithin(context.db, holder, of: client) else {
            throw CallFailure.status(.noauth)
        }
        return holder
    }
}
