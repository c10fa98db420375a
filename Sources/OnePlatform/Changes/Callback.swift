/// A function kept in an object, so that it can sit behind a lock.
///
/// A function value stored in a `Mutex` directly is converted between the lock's generic form and
/// its own on every `withLock` that reads it, and the converted function is written back: each
/// read wraps it in two more thunks, so a listener called on every commit gets slower with every
/// call (a profile of single-call writes found half its time there). An object reference is
/// stored and read as it is.
final class Callback<Argument>: Sendable {
    let call: @Sendable (Argument) -> Void

    init(_ call: @escaping @Sendable (Argument) -> Void) {
        self.call = call
    }
}
