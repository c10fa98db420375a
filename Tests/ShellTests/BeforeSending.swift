import OneP

/// A transport that runs `action` on each request body before passing the request on to `base`:
/// a test logs what the shell sends, or acts as another client (through `base`) just before a
/// request reaches the platform.
struct BeforeSending: Transport {
    let base: any Transport
    let action: @Sendable (_ body: [UInt8], _ base: any Transport) async throws -> Void

    init(_ base: any Transport, _ action: @escaping @Sendable (_ body: [UInt8], _ base: any Transport) async throws -> Void) {
        self.base = base
        self.action = action
    }

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        try await action(body, base)
        return try await base.send(body)
    }
}
