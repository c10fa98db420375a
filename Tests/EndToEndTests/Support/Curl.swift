import Foundation
import TestSupport

/// What one `curl` run got back: the HTTP status and the body.
struct CurlAnswer: CustomStringConvertible {
    let status: Int
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var description: String { "HTTP \(status): \(text)" }
}

/// The real `curl`, as a device or another program would call the platform.
enum Curl {
    /// Runs curl with `arguments` and the URL; the body goes to `output` when given, else is returned.
    static func run(_ arguments: [String], url: String, output: String? = nil) throws -> CurlAnswer {
        let directory = try TemporaryDirectory(prefix: "onep-curl")
        let bodyFile = output ?? directory.file("body")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", bodyFile, "-w", "%{http_code}"] + arguments + [url]
        let status = Pipe()
        process.standardOutput = status
        process.standardError = FileHandle.nullDevice
        try process.run()
        let code = status.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let body = output == nil ? (FileManager.default.contents(atPath: bodyFile) ?? Data()) : Data()
        return CurlAnswer(status: Int(String(decoding: code, as: UTF8.self)) ?? 0, body: body)
    }

    /// One JSON-RPC call made with curl, as a device holding `cik` would make it.
    static func rpc(_ url: String, cik: String, procedure: String, arguments: String) throws -> CurlAnswer {
        let body = #"{"auth": {"cik": "\#(cik)"}, "calls": [{"id": 1, "procedure": "\#(procedure)", "arguments": \#(arguments)}]}"#
        return try run(
            ["-X", "POST", "-H", "Content-Type: application/json; charset=utf-8", "--data-binary", body], url: url + "/onep:v1/rpc/process")
    }
}
