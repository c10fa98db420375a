import Foundation

/// The platform exoline's `~/.exoline` points at, for a start without `--host`.
///
/// ```yaml
/// host: m2.exosite.com
/// port: 443
/// ```
///
/// A bare host means HTTPS, as for exoline, except on port 80; `https: false` (or a host written
/// as `http://…`) means plain HTTP. A `port` without a `host` is exoline's default host on that port.
public enum ExolineHost {
    /// exoline's host when no `host` is set.
    static let defaultHost = "m2.exosite.com"

    /// The address `~/.exoline` gives, as `--host` takes it; nil when the file is missing or
    /// sets neither `host` nor `port`.
    /// - Throws: ``ShellError`` naming the file when it is not YAML or `host`, `port` or `https`
    ///   has a value that cannot be used.
    public static func address(environment: [String: String]) throws(ShellError) -> String? {
        let store = KeyStore(environment: environment)
        guard let path = store.exolinePath, let document = try store.document(at: path) else { return nil }
        return try address(document, path: path)
    }

    static func address(_ document: [String: Any], path: String) throws(ShellError) -> String? {
        guard document["host"] != nil || document["port"] != nil else { return nil }
        var host = defaultHost
        if let given = document["host"] {
            guard let text = given as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ShellError.file(path, "has a host that is not a host name: write e.g. 'host: m2.exosite.com'")
            }
            host = text.trimmingCharacters(in: .whitespaces)
        }
        var port: Int?
        if let given = document["port"] {
            let number = (given as? Int) ?? (given as? String).flatMap { Int($0) }
            guard let number, (1...65535).contains(number) else {
                throw ShellError.file(path, "has a port that is not a number from 1 to 65535: write e.g. 'port: 443'")
            }
            port = number
        }
        var secure: Bool?
        if let given = document["https"] {
            guard let flag = given as? Bool else { throw ShellError.file(path, "has an https that is not true or false") }
            secure = flag
        }
        var address = host
        if !host.contains("://") {
            let plain = secure == false || (secure == nil && port == 80)
            address = (plain ? "http://" : "https://") + host
        }
        while address.hasSuffix("/") { address.removeLast() }
        if let port { address += ":\(port)" }
        return address
    }
}
