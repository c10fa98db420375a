import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The address of `port` on 127.0.0.1.
func loopbackAddress(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}

/// A socket listening on a free port of 127.0.0.1, for the test servers that stand in for a
/// platform; answers the socket and its `http://127.0.0.1:PORT` URL.
func listenOnLoopback() throws -> (socket: Int32, url: String) {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw LoopbackSocketError("socket failed") }
    var address = loopbackAddress(port: 0)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(listener, 16) == 0 else {
        close(listener)
        throw LoopbackSocketError("cannot listen")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    return (listener, "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")
}

struct LoopbackSocketError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
