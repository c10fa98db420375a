import NIOCore
import NIOHTTP1

/// Which response ends a connection: the one that says `Connection: close` (the server's own
/// early errors do), the answer to a request that asked for it, or the answer to the connection's
/// `limit`th request, to which ``ConnectionRequests`` adds `Connection: close` itself. Requests
/// pipelined past the limit are dropped, and the client resends them on a new connection.
struct RequestLimit {
    private let limit: Int
    private var requestsSeen = 0
    private var responsesFinished = 0
    /// Whether each request received and not yet answered asked to keep the connection open.
    private var keepAlive: CircularBuffer<Bool> = []
    /// Whether the response being written is the connection's last.
    private(set) var closingAfterResponse = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts a request's head; answers whether the request is served (false past the limit).
    mutating func admit(_ head: HTTPRequestHead) -> Bool {
        requestsSeen += 1
        guard requestsSeen <= limit else { return false }
        keepAlive.append(head.isKeepAlive)
        return true
    }

    /// Whether the parts of a request other than its head are served.
    var admitsParts: Bool {
        requestsSeen <= limit
    }

    /// Notes a response head going out and adds `Connection: close` to it when it is the
    /// connection's last; answers whether it changed the head.
    mutating func responding(_ head: inout HTTPResponseHead) -> Bool {
        let asked = keepAlive.first == false
        let says = head.headers.contains(name: "connection") && head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "close" }
        closingAfterResponse = responsesFinished + 1 >= limit || asked || says
        guard closingAfterResponse && !says else { return false }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        return true
    }

    /// Notes a response's end.
    mutating func responseEnded() {
        responsesFinished += 1
        if !keepAlive.isEmpty { keepAlive.removeFirst() }
    }
}
