import Dispatch

import class Foundation.NSLock

/// Who wants to hear about SIGINT right now, and the signal disposition while anyone does.
///
/// The signal handler only writes a byte into a pipe; a dispatch source reads the pipe and calls
/// the registered callbacks on an ordinary thread, where locks and task cancellation are allowed.
final class InterruptRegistry: @unchecked Sendable {
    struct Registration {
        fileprivate let id: Int
    }

    /// Guards every stored property below.
    private let lock = NSLock()
    private var holds = 0
    private var savedAction: SavedSignalAction?
    private var callbacks: [Int: @Sendable () -> Void] = [:]
    private var nextID = 0
    private var pipeReadEnd: Int32?
    private var source: (any DispatchSourceRead)?

    var isIntercepting: Bool {
        lock.withLock { savedAction != nil }
    }

    func register(_ callback: @escaping @Sendable () -> Void) -> Registration {
        lock.withLock {
            acquire()
            // A Ctrl-C that landed before this operation began belongs to no one.
            if let pipeReadEnd {
                _ = Platform.drain(pipeReadEnd)
            }
            let id = nextID
            nextID += 1
            callbacks[id] = callback
            return Registration(id: id)
        }
    }

    func unregister(_ registration: Registration) {
        lock.withLock {
            callbacks[registration.id] = nil
            relinquish()
        }
    }

    func hold() {
        lock.withLock { acquire() }
    }

    func release() {
        lock.withLock { relinquish() }
    }

    // MARK: Non public (call with `lock` held)

    private func acquire() {
        holds += 1
        guard holds == 1, watchedPipe() != nil else { return }
        savedAction = Platform.installInterruptHandler()
    }

    private func relinquish() {
        guard holds > 0 else { return }
        holds -= 1
        if holds == 0, let savedAction {
            Platform.restoreInterruptHandler(savedAction)
            self.savedAction = nil
        }
    }

    /// The pipe's read end, created and watched on first use; nil if the pipe cannot be made,
    /// in which case SIGINT keeps its default disposition.
    private func watchedPipe() -> Int32? {
        if let pipeReadEnd {
            return pipeReadEnd
        }
        guard let readEnd = Platform.makeInterruptPipe() else { return nil }
        let source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: DispatchQueue(label: "onep.interrupts"))
        source.setEventHandler { [weak self] in self?.deliver() }
        source.resume()
        self.pipeReadEnd = readEnd
        self.source = source
        return readEnd
    }

    /// Tells every listener about each Ctrl-C read from the pipe. Two presses in quick succession
    /// may be read together; they still count as two, which is what abandons a stuck operation.
    private func deliver() {
        let (presses, listeners): (Int, [@Sendable () -> Void]) = lock.withLock {
            guard let pipeReadEnd else { return (0, []) }
            return (min(Platform.drain(pipeReadEnd), 2), Array(callbacks.values))
        }
        for _ in 0..<presses {
            for listener in listeners {
                listener()
            }
        }
    }
}
