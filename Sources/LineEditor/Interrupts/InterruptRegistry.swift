import Dispatch
import Synchronization

/// Who wants to hear about SIGINT right now, and the signal disposition while anyone does.
///
/// The signal handler only writes a byte into a pipe; a dispatch source reads the pipe and calls
/// the registered callbacks on an ordinary thread, where locks and task cancellation are allowed.
final class InterruptRegistry: Sendable {
    struct Registration {
        fileprivate let id: Int
    }

    private struct State {
        var holds = 0
        var savedAction: SavedSignalAction?
        var callbacks: [Int: @Sendable () -> Void] = [:]
        var nextID = 0
        var pipeReadEnd: Int32?
        var source: (any DispatchSourceRead)?
    }

    private let state = Mutex(State())

    var isIntercepting: Bool {
        state.withLock { $0.savedAction != nil }
    }

    func register(_ callback: @escaping @Sendable () -> Void) -> Registration {
        state.withLock { state in
            acquire(&state)
            // A Ctrl-C that landed before this operation began belongs to no one.
            if let pipeReadEnd = state.pipeReadEnd {
                _ = SystemCalls.drain(pipeReadEnd)
            }
            let id = state.nextID
            state.nextID += 1
            state.callbacks[id] = callback
            return Registration(id: id)
        }
    }

    func unregister(_ registration: Registration) {
        state.withLock { state in
            state.callbacks[registration.id] = nil
            relinquish(&state)
        }
    }

    func hold() {
        state.withLock { acquire(&$0) }
    }

    func release() {
        state.withLock { relinquish(&$0) }
    }

    // MARK: Non public (called with the lock held)

    private func acquire(_ state: inout State) {
        state.holds += 1
        guard state.holds == 1, watchedPipe(&state) != nil else { return }
        state.savedAction = SystemCalls.installInterruptHandler()
    }

    private func relinquish(_ state: inout State) {
        guard state.holds > 0 else { return }
        state.holds -= 1
        if state.holds == 0, let savedAction = state.savedAction {
            SystemCalls.restoreInterruptHandler(savedAction)
            state.savedAction = nil
        }
    }

    /// The pipe's read end, created and watched on first use; nil if the pipe cannot be made,
    /// in which case SIGINT keeps its default disposition.
    private func watchedPipe(_ state: inout State) -> Int32? {
        if let pipeReadEnd = state.pipeReadEnd {
            return pipeReadEnd
        }
        guard let readEnd = SystemCalls.makeInterruptPipe() else { return nil }
        let source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: DispatchQueue(label: "onep.interrupts"))
        source.setEventHandler { [weak self] in self?.deliver() }
        source.resume()
        state.pipeReadEnd = readEnd
        state.source = source
        return readEnd
    }

    /// Tells every listener about each Ctrl-C read from the pipe. Two presses in quick succession
    /// may be read together; they still count as two, which is what abandons a stuck operation.
    private func deliver() {
        let (presses, listeners): (Int, [@Sendable () -> Void]) = state.withLock { state in
            guard let pipeReadEnd = state.pipeReadEnd else { return (0, []) }
            return (min(SystemCalls.drain(pipeReadEnd), 2), Array(state.callbacks.values))
        }
        for _ in 0..<presses {
            for listener in listeners {
                listener()
            }
        }
    }
}
