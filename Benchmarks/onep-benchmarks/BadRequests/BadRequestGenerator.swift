import OnePFuzz

/// Makes the bad requests of the memory scenario, from a seed: garbage and broken requests for
/// the RPC endpoint, provisioning and the Data Interface, malformed HTTP, requests past the
/// limits, and clients that hang up in a wait or abandon a half-sent request.
struct BadRequestGenerator {
    /// How the client ends its side of one request.
    enum Ending {
        /// It reads the answer.
        case answered
        /// It closes at once without reading, as a client that went away mid-wait.
        case hangUp
        /// It leaves the half-sent request open until the end of the run, as a client that vanished.
        case abandoned
    }

    struct Request {
        let bytes: [UInt8]
        let ending: Ending
    }

    private var random: SplitMix64
    private let cik: String
    /// The alias of a dataport the root client has, so waits and long polls have something to wait on.
    private let alias: String

    init(seed: UInt64, cik: String, alias: String) {
        random = SplitMix64(seed: seed)
        self.cik = cik
        self.alias = alias
    }

    mutating func next() -> Request {
        let roll = random.below(1000)
        switch roll {
        case 0..<5: return abandoned()
        case 5..<10: return hangingUp()
        case 10..<330: return Request(bytes: post("/onep:v1/rpc/process", rpcBody()), ending: .answered)
        case 330..<480: return provisioning()
        case 480..<630: return dataInterface()
        case 630..<780: return Request(bytes: malformedHTTP(), ending: .answered)
        default: return Request(bytes: post("/onep:v1/rpc/process", pastTheLimits()), ending: .answered)
        }
    }

    // MARK: RPC bodies

    private mutating func rpcBody() -> [UInt8] {
        switch random.below(8) {
        case 0: return randomBytes(random.below(300))
        case 1: return Array(validRequest().prefix(random.below(120)))
        case 2:
            var bytes = validRequest()
            for _ in 0..<3 { bytes[random.below(bytes.count)] = UInt8(random.below(256)) }
            return bytes
        case 3: return Array(#"{"auth":{"cik":"\#(hex(40))"},"calls":[{"id":1,"procedure":"read","arguments":[{"alias":"x"},{}]}]}"#.utf8)
        case 4:
            return Array(
                #"{"auth":{"cik":"\#(cik)"},"calls":[{"id":1,"procedure":"w\u0061it","arguments":[{"alias":"\#(alias)"},{"timeout":\#(random.below(30))}]}]}"#
                    .utf8)
        case 5: return Array(#"{"auth":{"cik":"\#(cik)"},"calls":[{"id":"\#(hex(60))","procedure":"\#(hex(8))","arguments":"x"}]}"#.utf8)
        case 6:
            return Array(
                #"{"auth":{"cik":"\#(cik)"},"calls":[{"id":1,"procedure":"write","arguments":[{"alias":"nope\#(random.below(10_000))"},1e400]}]}"#
                    .utf8)
        default: return Array(#"{"auth":"\#(hex(4))","calls":{}}"#.utf8)
        }
    }

    private mutating func validRequest() -> [UInt8] {
        let procedure = ["read", "info", "listing", "lookup", "wait", "grant", "usage"][random.below(7)]
        return Array(
            #"{"auth":{"cik":"\#(cik)"},"calls":[{"id":1,"procedure":"\#(procedure)","arguments":[{"alias":"\#(alias)"},{"timeout":0}]}]}"#.utf8)
    }

    /// Nesting past the depth limit, or more calls than a request may hold.
    private mutating func pastTheLimits() -> [UInt8] {
        if random.below(50) == 0 {
            let call = #"{"id":1,"procedure":"lookup","arguments":[{"alias":""},"alias",""]}"#
            return Array(#"{"auth":{"cik":"\#(cik)"},"calls":[\#(Array(repeating: call, count: 10_001).joined(separator: ","))]}"#.utf8)
        }
        let depth = 65 + random.below(500)
        return Array(
            (#"{"auth":{"cik":"\#(cik)"},"calls":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}").utf8)
    }

    // MARK: Other routes

    private mutating func provisioning() -> Request {
        let paths = [
            "/provision/manage/model/", "/provision/manage/model/m\(random.below(100))", "/provision/activate", "/provision/register",
            "/provision/manage/group/m/../?info=true", "/provision/manage/group/%/?info=true", "/provision/manage/content/m/\(hex(6))",
            "/provision/admin/auth", "/provision/manage/model/m/\(hex(4))",
        ]
        let method = ["GET", "POST", "PUT", "DELETE"][random.below(4)]
        let body: [UInt8] = random.below(2) == 0 ? Array("vendor=v&model=m&sn=\(random.below(1_000_000))&a=%ff".utf8) : randomBytes(random.below(80))
        let contentType = random.below(3) == 0 ? "multipart/form-data; boundary=x" : "application/x-www-form-urlencoded"
        let head =
            "\(method) \(paths[random.below(paths.count)]) HTTP/1.1\r\nHost: x\r\nX-Exosite-Token: \(hex(40))\r\n"
            + "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n"
        return Request(bytes: Array(head.utf8) + body, ending: .answered)
    }

    private mutating func dataInterface() -> Request {
        let paths = [
            "/onep:v1/stack/alias", "/onep:v1/stack/alias?\(alias)&nope", "/onep:v1/stack/record", "/onep:v1/stack/alias/x\(random.below(99))", "/ip",
        ]
        let key = random.below(2) == 0 ? cik : hex(40)
        let body: [UInt8] = random.below(2) == 0 ? Array("\(alias)=\(random.below(100))&%zz=&nope=1".utf8) : randomBytes(random.below(60))
        let method = random.below(2) == 0 ? "GET" : "POST"
        let poll = method == "GET" && random.below(4) == 0 ? "Request-Timeout: \(random.below(20))\r\n" : ""
        let head =
            "\(method) \(paths[random.below(paths.count)]) HTTP/1.1\r\nHost: x\r\nX-Exosite-CIK: \(key)\r\n\(poll)Content-Length: \(body.count)\r\n\r\n"
        return Request(bytes: Array(head.utf8) + body, ending: .answered)
    }

    /// Broken HTTP: a bad header line, broken chunking, a body announced past the size limit.
    private mutating func malformedHTTP() -> [UInt8] {
        switch random.below(4) {
        case 0: return Array("POST /onep:v1/rpc/process HTTP/1.1\r\nHost: x\r\nBad Header\r\nContent-Length: 2\r\n\r\n{}".utf8)
        case 1: return Array("POST /provision/manage/model/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nmodel\r\nzz\r\n".utf8)
        case 2: return Array("POST /onep:v1/rpc/process HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n".utf8) + randomBytes(1000)
        default: return Array("G\u{1}T /\(hex(4)) HTTP/9.9\r\n\r\n".utf8)
        }
    }

    // MARK: Clients that leave

    /// A wait or long poll on a real dataport whose client closes at once.
    private mutating func hangingUp() -> Request {
        if random.below(2) == 0 {
            let head = "GET /onep:v1/stack/alias?\(alias) HTTP/1.1\r\nHost: x\r\nX-Exosite-CIK: \(cik)\r\nRequest-Timeout: 60000\r\n\r\n"
            return Request(bytes: Array(head.utf8), ending: .hangUp)
        }
        let body = Array(
            #"{"auth":{"cik":"\#(cik)"},"calls":[{"id":1,"procedure":"w\u0061it","arguments":[{"alias":"\#(alias)"},{"timeout":60000}]}]}"#.utf8)
        return Request(bytes: post("/onep:v1/rpc/process", body), ending: .hangUp)
    }

    /// Half a request — a head cut short or a body shorter than announced — left open.
    private mutating func abandoned() -> Request {
        switch random.below(3) {
        case 0:
            return Request(
                bytes: Array("POST /onep:v1/rpc/process HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"auth\":".utf8), ending: .abandoned)
        case 1:
            return Request(
                bytes: Array("POST /provision/manage/model/ HTTP/1.1\r\nHost: x\r\nContent-Length: 90\r\n\r\nmodel=".utf8), ending: .abandoned)
        default: return Request(bytes: Array("GET /onep:v1/stack/alias?\(alias) HTTP/1.1\r\nHost: x\r\nX-Exosite-C".utf8), ending: .abandoned)
        }
    }

    // MARK: Pieces

    private func post(_ path: String, _ body: [UInt8]) -> [UInt8] {
        Array("POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
            + body
    }

    private mutating func randomBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(random.below(256)) }
    }

    private mutating func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &random)! })
    }
}
