import GRDB

/// What a procedure handler works with: the open transaction, the acting client and the time.
struct CallContext {
    let db: Database
    /// The client the request acts as.
    let caller: ResourceRecord
    /// The request's time in whole unix seconds.
    let now: Int
}
