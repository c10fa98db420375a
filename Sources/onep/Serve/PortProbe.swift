#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds out, before the server prints its credentials, whether the port it is to listen on is
/// taken: someone reading the output must not take a root CIK for a server that never started.
enum PortProbe {
    /// Whether another socket listens on `port` at `address` (a name or a numeric address).
    /// Port 0 (any free port) and an address that does not resolve are never reported in use: the
    /// server's own bind reports those.
    static func isInUse(address: String, port: Int) -> Bool {
        guard port != 0 else { return false }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(address, String(port), &hints, &found) == 0, let first = found else { return false }
        defer { freeaddrinfo(first) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // As the server binds: a port in TIME_WAIT after a restart is free.
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return false }
        return errno == EADDRINUSE
    }
}
