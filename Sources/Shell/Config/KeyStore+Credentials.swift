import OneP

/// A key as given wherever one may be: a 40-hex CIK or a saved key name, either one optionally
/// followed by `:cRID` (act as that descendant client) or `:rRID` (act as the owner of that
/// resource), the forms exoline's key shortcuts use.
struct GivenKey: Sendable, Equatable {
    var cik: String
    var clientID: String?
    var resourceID: String?
    /// How the key is shown: its name, or "a CIK"; never the CIK itself.
    var label: String

    var auth: Auth { .cik(cik, clientID: clientID, resourceID: resourceID) }
}

extension KeyStore {
    /// - Throws: ``ShellError`` for an unknown name or a suffix that is not `:c` or `:r` and a RID.
    func credentials(_ text: String) throws(ShellError) -> GivenKey {
        var base = text
        var clientID: String?
        var resourceID: String?
        if let colon = text.lastIndex(of: ":") {
            let suffix = text[text.index(after: colon)...]
            let rid = String(suffix.dropFirst()).lowercased()
            guard let kind = suffix.first, kind == "c" || kind == "r", ResourcePath.isRID(rid) else {
                throw ShellError(
                    .invalidValue(command: "auth", argument: "CIK|KEYNAME", value: "…" + String(suffix), expected: "KEY, KEY:cRID or KEY:rRID"))
            }
            base = String(text[..<colon])
            if kind == "c" { clientID = rid } else { resourceID = rid }
        }
        if ResourcePath.isRID(base) { return GivenKey(cik: base, clientID: clientID, resourceID: resourceID, label: "a CIK") }
        let keys = try keys()
        guard let saved = keys.first(where: { $0.name == base }) else { throw ShellError(.unknownKey(base, known: keys.map(\.name))) }
        return GivenKey(cik: saved.cik, clientID: clientID, resourceID: resourceID, label: base)
    }
}
