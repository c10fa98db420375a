/// The `--host` value as the URL the HTTP transport needs.
enum HostURL {
    /// `http://` and `https://` URLs are kept; a bare `host[:port]` means HTTPS, since that is how
    /// hosted platforms are reached.
    /// - Throws: ``LaunchError`` (usage) for an empty value, another scheme, or a path or query.
    static func normalize(_ given: String) throws(LaunchError) -> String {
        let trimmed = given.trimmingSpaces
        guard !trimmed.isEmpty else { throw .usage("--host needs a URL such as https://m2.exosite.com") }
        var url = trimmed
        if let schemeEnd = trimmed.range(of: "://") {
            let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else {
                throw .usage("--host '\(given)': only http:// and https:// are supported")
            }
            url = scheme + trimmed[schemeEnd.lowerBound...]
        } else {
            url = "https://" + trimmed
        }
        while url.hasSuffix("/") { url.removeLast() }
        let authority = url.drop { $0 != ":" }.dropFirst(3)
        guard !authority.isEmpty, !authority.contains(where: { "/?#@ ".contains($0) }) else {
            throw .usage("--host '\(given)' is not a platform address: give scheme, host and port only, e.g. http://127.0.0.1:8080")
        }
        if let port = port(of: authority) {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw .usage("--host '\(given)': the port must be a number from 1 to 65535")
            }
        }
        return url
    }

    /// The text after the host's colon, if any; an IPv6 host is bracketed, so its colons are skipped.
    private static func port(of authority: Substring) -> Substring? {
        var host = authority[...]
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[authority.index(after: close)...]
            return host.hasPrefix(":") ? host.dropFirst() : (host.isEmpty ? nil : host)
        }
        guard let colon = host.firstIndex(of: ":") else { return nil }
        return host[host.index(after: colon)...]
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
