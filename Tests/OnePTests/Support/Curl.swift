import Foundation
import OnePJSON

/// What the real `curl` answered: the HTTP status and the body.
struct CurlAnswer {
    let status: Int
    let body: String

    /// The body as JSON.
    var json: JSON {
        get throws { try JSON(parsing: body) }
    }
}

/// Runs curl with `arguments` and answers the status and body; `-w` puts the status on a last line.
func curl(_ arguments: [String]) async throws -> CurlAnswer {
    let output = try await offThread { () -> String in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--silent", "--show-error", "--max-time", "60", "--write-out", "\n%{http_code}"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    return CurlAnswer(status: Int(lines.last ?? "") ?? 0, body: lines.dropLast().joined(separator: "\n"))
}

/// One JSON-RPC call sent with curl as `cik`; answers the call's entry of the response.
func curlCall(_ url: String, cik: String, _ procedure: String, _ arguments: [JSON]) async throws -> JSON {
    let request: JSON = ["auth": ["cik": .string(cik)], "calls": [["id": 1, "procedure": .string(procedure), "arguments": .array(arguments)]]]
    let answer = try await curl([
        "\(url)/onep:v1/rpc/process", "-H", "Content-Type: application/json; charset=utf-8", "--data-binary", request.serialized(),
    ])
    return try answer.json[0] ?? .null
}
