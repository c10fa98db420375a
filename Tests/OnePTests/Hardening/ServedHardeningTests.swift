import Foundation
import OnePFuzz
import OnePJSON
import OnePlatform
import OnePlatformServer
import TestSupport
import Testing

/// What the hardening asks of the served platform, checked over a real socket with raw requests
/// that no client library would clean up first (`..` segments stay, escapes stay broken).
@Suite("Served platform hardening")
struct ServedHardeningTests {
    private struct Served {
        let platform: Platform
        let server: RunningPlatformServer

        static func start() async throws -> Served {
            let platform = try ClockedPlatform.inMemory().platform
            return Served(platform: platform, server: try await RunningPlatformServer.start(platform: platform))
        }

        func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: String = "") async -> RawHTTP.Outcome {
            var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\n\r\n"
            let bytes = Array(head.utf8) + Array(body.utf8)
            let port = server.port
            return await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: RawHTTP.exchange(port: port, bytes, timeout: 10)) }
            }
        }

        func provision(_ method: String, _ path: String, form: String = "") async -> RawHTTP.Response? {
            let outcome = await send(
                method, path, headers: [("X-Exosite-Token", platform.bootstrap.vendorToken), ("Content-Type", "application/x-www-form-urlencoded")],
                body: form)
            guard case .answered(let response) = outcome else { return nil }
            return response
        }

        func rpc(_ path: String, _ calls: String) async -> RawHTTP.Response? {
            let body = #"{"auth":{"cik":"\#(platform.bootstrap.rootCIK)"},"calls":\#(calls)}"#
            guard case .answered(let response) = await send("POST", path, headers: [("Content-Type", "application/json")], body: body) else {
                return nil
            }
            return response
        }
    }

    @Test func theDeprecatedRPCPathIsServedLikeTheCurrentOne() async throws {
        let served = try await Served.start()
        let created = try #require(
            await served.rpc("/api:v1/rpc/process", #"[{"id":1,"procedure":"create","arguments":["dataport",{"format":"integer"}]}]"#))
        #expect(created.status == 200)
        #expect(created.header("Content-Type") == "application/json; charset=utf-8")
        let rid = try #require(try JSON(parsing: created.body)[0]?["result"]?.stringValue)
        let write = #"[{"id":1,"procedure":"write","arguments":["\#(rid)",7]},{"id":2,"procedure":"read","arguments":["\#(rid)",{}]}]"#
        let old = try #require(await served.rpc("/api:v1/rpc/process", write))
        let current = try #require(await served.rpc("/onep:v1/rpc/process", write))
        #expect(old.status == current.status)
        #expect(old.text == current.text)
        #expect(try JSON(parsing: old.body) == [["id": 1, "status": "ok"], ["id": 2, "status": "ok", "result": [[.int(TestTime.start), 7]]]])
        let notJSON = try #require(await served.rpc("/api:v1/rpc/process", "x"))
        #expect(try JSON(parsing: notJSON.body)["error"]?["code"] == -1)
        // Only POST, as for the current path.
        guard case .answered(let get) = await served.send("GET", "/api:v1/rpc/process") else { Issue.record("no answer to GET"); return }
        guard case .answered(let currentGet) = await served.send("GET", "/onep:v1/rpc/process") else { Issue.record("no answer to GET"); return }
        #expect(get.status == currentGet.status)
        try await served.server.stop()
    }

    @Test func malformedProvisioningPathsAreRefusedWithOneLine() async throws {
        let served = try await Served.start()
        let rid = try #require(
            try JSON(parsing: await served.rpc("/onep:v1/rpc/process", #"[{"id":1,"procedure":"create","arguments":["client",{}]}]"#)?.body ?? [])[
                0]?["result"]?.stringValue)
        #expect(await served.provision("POST", "/provision/manage/model/", form: "model=M&rid=\(rid)")?.status == 205)
        #expect(await served.provision("POST", "/provision/manage/group/M/", form: "id=g1")?.status == 205)
        let paths = [
            "/provision/manage/group/M/../?type=sn", "/provision/manage/group/%/?info=true", "/provision/manage/group/M/%/?info=true",
            "/provision/manage/group/M/%zz/", "/provision/manage/model/%2e%2e/", "/provision/manage/model/../M",
            "/provision/../provision/manage/model/",
            "/provision/manage/content/M/%?download=true", "/provision//manage/model/", "/provision/manage/model/M%00/",
            "/provision/manage/model/M/%FF",
            "/provision/manage/group/M/g1/..%2F..%2F",
        ]
        for path in paths {
            for method in ["GET", "POST", "PUT", "DELETE"] {
                guard let answer = await served.provision(method, path, form: "id=%") else {
                    Issue.record("\(method) \(path): no HTTP answer")
                    continue
                }
                #expect((400..<500).contains(answer.status), "\(method) \(path) answered \(answer.status) \(answer.text)")
                #expect(answer.text.split(whereSeparator: \.isNewline).count <= 1, "\(method) \(path): \(answer.text.debugDescription)")
            }
        }
        // Broken escapes in a query are names and values like any other: never a server error.
        for target in ["/provision/manage/model/M?%", "/provision/manage/model/M/?a=%zz&b=%&offset=%", "/provision/manage/group/M/g1/?type=%"] {
            for method in ["GET", "POST", "PUT", "DELETE"] {
                let answer = await served.provision(method, target, form: "sn=%&id=%zz")
                #expect(answer.map { $0.status < 500 } == true, "\(method) \(target) answered \(answer?.status ?? 0)")
            }
        }
        try await served.server.stop()
    }
}
