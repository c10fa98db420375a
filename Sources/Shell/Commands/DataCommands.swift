import Foundation
import OneP
import OnePJSON

/// data write, data read: the device's side of the wire (exoline's `data`), through the HTTP
/// Data Interface with a device's CIK, so a person can act as a device against any platform.
enum DataCommands {
    static let deviceCIK = Option<String>(
        "device-cik", "CIK", "the device's CIK or a key name (default: the session's CIK)", secret: true, completion: .keyName)
    static let pairs = RepeatingArgument<String>("ALIAS=VALUE", "what to write, alias by alias, in one request")
    static let alsoRead = Option<[String]>("read", "ALIAS,...", "also read these aliases in the same request (hybrid)", type: .list([]))
    static let aliases = RepeatingArgument<String>("ALIAS", "the aliases to read")
    static let wait = Option<Int>("wait", "SECONDS", "long poll: wait up to SECONDS (1-300) for a point newer than now (or --since)")
    static let since = Option<Int>("since", "TIMESTAMP", "with --wait: wait for a point after this Unix time")

    static let write = CommandSpec(
        words: ["data", "write"],
        abstract: "Write values by alias as a device does (HTTP Data Interface)",
        discussion:
            "Sends one POST /onep:v1/stack/alias with the device's CIK; with --read it is the hybrid write/read, answering the "
            + "latest values of those aliases after the write.",
        arguments: [pairs, alsoRead, deviceCIK],
        examples: ["data write temp=21.5 humidity=40", "data write temp=21.5 --read setpoint --device-cik mydevice"],
        effect: .changes,
        run: { context in
            var form: [(String, String)] = []
            for pair in context[pairs] {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw ShellError(.invalidValue(command: "data write", argument: "ALIAS=VALUE", value: pair, expected: "ALIAS=VALUE"))
                }
                form.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
            }
            let reads = context[alsoRead] ?? []
            let answer = try await send(
                context, method: "POST", query: reads.map(encode).joined(separator: "&"), body: formBody(form), extra: [])
            guard !reads.isEmpty else { return .done("wrote \(form.count) value\(form.count == 1 ? "" : "s")") }
            return values(answer.body)
        }
    )

    static let read = CommandSpec(
        words: ["data", "read"],
        abstract: "Read the latest values by alias as a device does, or wait for a new one (--wait)",
        discussion:
            "Sends GET /onep:v1/stack/alias?ALIAS&... with the device's CIK. With --wait it long-polls (Request-Timeout) for one alias "
            + "and exits 1 when no point arrived in time.",
        arguments: [aliases, wait, since, deviceCIK],
        examples: ["data read temp humidity", "data read setpoint --wait 30 --device-cik mydevice"],
        run: { context in
            let names = context[aliases]
            var headers: [(String, String)] = []
            if let seconds = context[wait] {
                guard (1...300).contains(seconds) else {
                    throw ShellError(.invalidValue(command: "data read", argument: "--wait", value: String(seconds), expected: "1 to 300 seconds"))
                }
                guard names.count == 1 else { throw ShellError.failed("data read: --wait waits on one alias: name only one") }
                headers.append(("Request-Timeout", String(seconds * 1000)))
                if let since = context[since] { headers.append(("If-Modified-Since", String(since))) }
            } else if context[since] != nil {
                throw DescriptionOptions.conflict("data read", "--since", "goes with --wait")
            }
            let answer = try await send(context, method: "GET", query: names.map(encode).joined(separator: "&"), body: [], extra: headers)
            if answer.status == 304 {
                context.status = .commandFailed
                context.services.output.writeErr("data read: no new point within \(context[wait] ?? 0) s\n")
                return nil
            }
            return values(answer.body)
        }
    )

    /// Sends one Data Interface request with the device's CIK; refusals become one line.
    private static func send(
        _ context: CommandContext, method: String, query: String, body: [UInt8], extra: [(String, String)]
    ) async throws -> (status: Int, body: [UInt8]) {
        let cik: String
        if let given = context[deviceCIK] {
            cik = try context.services.keyStore.credentials(given).cik
        } else if let own = context.session.auth?.cik {
            cik = own
        } else {
            throw ShellError.failed("data: no CIK: give --device-cik CIK or 'auth' with a CIK")
        }
        guard let transport = context.session.endpoint.provision else {
            throw ShellError.failed("this platform connection has no HTTP interface: 'connect' to a platform URL")
        }
        context.services.counter.increment()
        var headers = [("X-Exosite-CIK", cik), ("Accept", "application/x-www-form-urlencoded; charset=utf-8")] + extra
        if method == "POST" { headers.append(("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")) }
        let request = ProvisionOutgoing(method: method, path: "/onep:v1/stack/alias", query: query, headers: headers, body: .bytes(body))
        if method == "POST" { context.effects.note(.changed) }
        return try await transport.exchange(request) { incoming in
            let bytes = try await incoming.body.collect(upTo: 16 * 1024 * 1024)
            guard incoming.status < 300 || incoming.status == 304 else {
                let detail = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map { ": \($0)" } ?? ""
                let hint = incoming.status == 401 ? " (check the device's CIK)" : ""
                throw ShellError.failed("data: the platform answered \(incoming.status) \(incoming.reason)\(detail)\(hint)")
            }
            return (incoming.status, bytes)
        }
    }

    /// `alias=value&...` as a table, in the order the platform answered.
    private static func values(_ body: [UInt8]) -> CommandOutput {
        let rows: [[JSON]] = String(decoding: body, as: UTF8.self).split(separator: "&").map { field in
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return [.string(decode(parts[0])), .string(parts.count > 1 ? decode(parts[1]) : "")]
        }
        return .table(Table(columns: ["alias", "value"], rows: rows, showsHeader: false))
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static func formBody(_ fields: [(String, String)]) -> [UInt8] {
        Array(fields.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&").utf8)
    }
}
