import OnePJSON
import OnePlatform

/// Makes provisioning requests from ``ProvisionSeeds``: methods, paths, queries, headers and
/// bodies mutated in turn.
struct ProvisionGenerator {
    let names: FuzzNames

    static let methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "get", "HEAD", "OPTIONS", ""]
    static let segments = ["..", ".", "%", "%zz", "%00", "%2F", "%2e%2e", "", "a%20b", "a+b", "%F0%9F%98%80", "%FF", "x", "m1", "sn1", "g1", "c1"]
    static let contentTypes = [
        ProvisionSeeds.form, "text/csv", "text/csv; charset=utf-8", "application/json", "application/javascript", "multipart/form-data",
        "multipart/form-data; boundary=b", "", "text/plain", "application/octet-stream", ";", "TEXT/CSV",
    ]
    static let ranges = [
        "bytes=0-3", "bytes=5-", "bytes=-4", "bytes=0-9223372036854775807", "bytes=9223372036854775807-", "bytes=-9223372036854775808",
        "bytes=3-1", "bytes=0-1,2-3", "bytes=x", "items=0-1", "bytes=-0", "bytes=16-", "bytes=99999999999999999999-",
    ]

    func request(_ rng: inout SplitMix64) -> ProvisionRequest {
        let seed = rng.pick(ProvisionSeeds.seeds)
        var method = seed.method
        var path = names.substitute(seed.path)
        var query = names.substitute(seed.query)
        var type = seed.type
        var body = Array(names.substitute(seed.body).utf8)
        var auth = seed.auth
        if rng.percent(8) { method = rng.pick(Self.methods) }
        if rng.percent(25) { path = mutatePath(path, &rng) }
        if rng.percent(25) { query = mutateForm(query, &rng) }
        if rng.percent(10) { auth = rng.pick(ProvisionSeeds.Auth.allCases) }
        if rng.percent(12) { type = rng.pick(Self.contentTypes) }
        if rng.percent(35) { body = mutateBody(body, type: type, &rng) }
        var headers = headers(auth, &rng)
        if !type.isEmpty { headers.append(("Content-Type", type)) }
        if rng.percent(10) || query.contains("download") { headers.append(("Range", rng.pick(Self.ranges))) }
        return ProvisionRequest(method: method, path: path, query: query, headers: headers, body: body, remoteAddress: "127.0.0.1")
    }

    private func headers(_ auth: ProvisionSeeds.Auth, _ rng: inout SplitMix64) -> [(String, String)] {
        switch auth {
        case .vendor: return [("X-Exosite-Token", rng.percent(95) ? names.vendorToken : rng.pick(["", "x", names.deviceCIK]))]
        case .device: return [("X-Exosite-CIK", names.deviceCIK)]
        case .root: return [("X-Exosite-CIK", names.rootCIK)]
        case .none: return []
        }
    }

    private func mutatePath(_ path: String, _ rng: inout SplitMix64) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch rng.below(5) {
        case 0 where parts.count > 2: parts[2 + rng.below(parts.count - 2)] = rng.pick(Self.segments)
        case 1: parts.insert(rng.pick(Self.segments), at: 2 + rng.below(max(1, parts.count - 1)))
        case 2 where parts.count > 3: parts.remove(at: 3 + rng.below(parts.count - 3))
        case 3: return path.hasSuffix("/") ? String(path.dropLast()) : path + "/"
        default: return String(decoding: ByteMutator.mutate(Array(path.utf8), &rng), as: UTF8.self)
        }
        return parts.joined(separator: "/")
    }

    /// A `name=value&...` text with a field added, changed or mangled.
    func mutateForm(_ form: String, _ rng: inout SplitMix64) -> String {
        var fields = form.isEmpty ? [] : form.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
        switch rng.below(4) {
        case 0:
            let name = rng.pick([
                "sn", "id", "model", "rid", "type", "expire", "meta", "offset", "limit", "show", "delete", "enable", "owner", "vendor", "x",
            ])
            fields.append(name + "=" + Self.formValue(&rng))
        case 1 where !fields.isEmpty:
            let index = rng.below(fields.count)
            let name = fields[index].split(separator: "=").first.map(String.init) ?? ""
            fields[index] = name + "=" + Self.formValue(&rng)
        case 2 where !fields.isEmpty:
            fields.remove(at: rng.below(fields.count))
        default:
            return String(decoding: ByteMutator.mutate(Array(form.utf8), &rng), as: UTF8.self)
        }
        return fields.joined(separator: "&")
    }

    /// A field value: an escaped string or number from the corpus, or a raw escape that may be broken.
    static func formValue(_ rng: inout SplitMix64) -> String {
        switch rng.below(4) {
        case 0: return rng.pick(FuzzCorpus.numberTexts)
        case 1: return rng.pick(["%00", "%", "%z", "%zz", "%FF%FE", "a%00b", "%2B", "+", "%0A", "1e400"])
        default: return percentEncoded(rng.pick(FuzzCorpus.strings))
        }
    }

    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 46 || byte == 45 || byte == 95 {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    private func mutateBody(_ body: [UInt8], type: String, _ rng: inout SplitMix64) -> [UInt8] {
        if type.hasPrefix("application/json"), let json = try? JSON(parsing: body), rng.percent(70) {
            return JSONMutator.mutate(json, &rng).utf8Bytes()
        }
        if type.hasPrefix("application/x-www-form-urlencoded"), rng.percent(60) {
            return Array(mutateForm(String(decoding: body, as: UTF8.self), &rng).utf8)
        }
        if type.hasPrefix("text/csv"), rng.percent(50) {
            var text = String(decoding: body, as: UTF8.self)
            text.insert(
                contentsOf: rng.pick(["\"", "\n", ",", "\r\n", "\"\"", "\u{0}", ",,,,", "\"a,b\"", "\u{FFFD}"]),
                at: text.index(text.startIndex, offsetBy: rng.below(text.count + 1)))
            return Array(text.utf8)
        }
        return ByteMutator.mutate(body, &rng)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
