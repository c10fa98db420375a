import PropertyBased

/// A random tree of clients, dataports, shares and tokens, drawn as small numbers that the world
/// reads modulo what exists when it builds, so every draw (and every shrink of one) is a tree.
struct IsolationPlan: Sendable, CustomStringConvertible {
    /// One number per client: its owner is `number % (clients made so far + 1)`, 0 being the root.
    var clients: [Int]
    /// One number per dataport: its owner as above, and public when `number % 7 == 0`.
    var dataports: [Int]
    /// One number per share: which resource the root shares, and which client activates it.
    var shares: [Int]
    /// One number per token: the client it acts as, the resource granted, and which procedures.
    var tokens: [Int]

    var description: String {
        "IsolationPlan(clients: \(clients), dataports: \(dataports), shares: \(shares), tokens: \(tokens))"
    }

    /// Trees of 2 to 5 clients and 1 to 6 dataports under the root, up to 4 shares and 3 tokens:
    /// small enough that every procedure from every credential against every resource runs in
    /// well under a second, large enough for grandchildren, siblings and shares across branches.
    static let generator = zip(
        Gen.int(in: 0...999).array(of: 2...5),
        Gen.int(in: 0...999).array(of: 1...6),
        Gen.int(in: 0...99_999).array(of: 0...4),
        Gen.int(in: 0...9_999_999).array(of: 0...3)
    ).map { drawn in
        IsolationPlan(clients: drawn.0, dataports: drawn.1, shares: drawn.2, tokens: drawn.3)
    }
}
