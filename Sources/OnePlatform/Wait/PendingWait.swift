import Synchronization

/// A `wait` call that found nothing to answer yet: what it waits on, from when, and for how long.
///
/// The call's handler checks everything inside the request's transaction and leaves one of these
/// behind; the engine then ends the transaction and waits outside it.
struct PendingWait: Sendable {
    let resource: Int64
    let format: DataFormat
    /// Answer the first point stamped after this second; nil answers the first point stored after the call arrived.
    let since: Int?
    let timeoutMilliseconds: Double
}

/// Where a `wait` handler leaves its ``PendingWait`` for the engine to pick up after the call.
final class SuspensionSlot: Sendable {
    // Guards the pending wait; the handler and the engine run one after the other, never at once.
    private let pending = Mutex<PendingWait?>(nil)

    init() {}

    func put(_ wait: PendingWait) {
        pending.withLock { $0 = wait }
    }

    /// The wait left by the last call, if any, which the slot then forgets.
    func take() -> PendingWait? {
        pending.withLock { pending in
            defer { pending = nil }
            return pending
        }
    }
}
