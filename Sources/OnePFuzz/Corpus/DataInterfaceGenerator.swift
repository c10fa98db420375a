import OnePlatform

/// Makes Data Interface requests: writes, reads, hybrids, long polls and records by alias, with
/// values, timestamps, timeouts and dates taken from the corpus.
struct DataInterfaceGenerator {
    let names: FuzzNames

    private struct Seed {
        let method: String
        let path: String
        var query = ""
        var body = ""
        var headers: [(String, String)] = []
    }

    private static let seeds: [Seed] = [
        Seed(method: "POST", path: "/onep:v1/stack/alias", body: "ti=1&tf=2.5&ts=hello"),
        Seed(method: "POST", path: "/onep:v1/stack/alias", body: "ti=-9223372036854775808&tf=1e400&ts=a%00b"),
        Seed(method: "GET", path: "/onep:v1/stack/alias", query: "ti&tf&ts"),
        Seed(method: "POST", path: "/onep:v1/stack/alias", query: "ti", body: "ts=x"),
        Seed(method: "GET", path: "/onep:v1/stack/alias", query: "ti", headers: [("Request-Timeout", "1000")]),
        Seed(method: "GET", path: "/onep:v1/stack/alias", query: "ts", headers: [("Request-Timeout", "5"), ("If-Modified-Since", "1399999999")]),
        Seed(
            method: "GET", path: "/onep:v1/stack/alias", query: "tf",
            headers: [("Request-Timeout", "300000"), ("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")]),
        Seed(method: "POST", path: "/onep:v1/stack/record", body: "alias=ti&1400000000=1&-5=2&alias=ts&1400000001=a"),
        Seed(method: "POST", path: "/onep:v1/stack/alias/ti", body: "1400000000=3&1400000001.5=4"),
        Seed(method: "POST", path: "/onep:v1/stack/alias/t%73", body: "9223372036854775807=x"),
        Seed(method: "GET", path: "/timestamp"),
        Seed(method: "GET", path: "/ip"),
    ]

    private static let headerValues = [
        "0", "-1", "300001", "9223372036854775807", "99999999999999999999", "1e3", "", "abc", "Sun, 06 Nov 99999999999 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT", "-9223372036854775808", "1399999999", " 5 ",
    ]

    func request(_ rng: inout SplitMix64, forms: ProvisionGenerator) -> DataInterfaceRequest {
        let seed = rng.pick(Self.seeds)
        var method = seed.method
        var path = seed.path
        var query = seed.query
        var body = seed.body
        var headers = seed.headers
        if rng.percent(6) { method = rng.pick(ProvisionGenerator.methods) }
        if rng.percent(10) {
            path = rng.pick(["/onep:v1/stack/alias/", "/onep:v1/stack/alias/%", "/onep:v1/stack/alias/%00", "/onep:v1/stack", "/ip/", path + "x"])
        }
        if rng.percent(25) { query = forms.mutateForm(query, &rng) }
        if rng.percent(40) { body = forms.mutateForm(body, &rng) }
        if rng.percent(15) {
            headers.append((rng.pick(["Request-Timeout", "If-Modified-Since"]), rng.pick(Self.headerValues)))
        }
        let cik: String? =
            switch rng.below(20) {
            case 0: nil
            case 1: names.rootCIK
            case 2: "0123456789abcdef0123456789abcdef01234567"
            case 3: names.deviceCIK + "\u{0}"
            default: names.deviceCIK
            }
        if let cik { headers.append(("X-Exosite-CIK", cik)) }
        return DataInterfaceRequest(
            method: method, path: path, query: query, headers: headers.map { (name: $0.0, value: $0.1) }, body: Array(body.utf8),
            serverAddress: .init(host: "127.0.0.1", port: 8080))
    }
}
