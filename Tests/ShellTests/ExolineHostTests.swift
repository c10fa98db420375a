import Foundation
import Shell
import Testing
import TestSupport

/// exoline's `host` and `port` in `~/.exoline`, read with a fake HOME.
@Suite struct ExolineHostTests {
    let directory: TemporaryDirectory
    var home: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory(prefix: "onep-exoline-host")
    }

    private func address(_ file: String?) throws -> String? {
        if let file { try file.write(toFile: home + "/.exoline", atomically: true, encoding: .utf8) }
        return try ExolineHost.address(environment: ["HOME": home])
    }

    @Test func noFileOrNoHostMeansNoAddress() throws {
        #expect(try address(nil) == nil)
        #expect(try address("keys:\n  dev: \(String(repeating: "a", count: 40))\nvendor: acme\n") == nil)
    }

    @Test func hostAndPortMakeAnHTTPSAddressAsForExoline() throws {
        #expect(try address("host: m2.example.com\n") == "https://m2.example.com")
        #expect(try address("host: m2.example.com\nport: 8443\n") == "https://m2.example.com:8443")
        #expect(try address("port: 4443\n") == "https://m2.exosite.com:4443")
        #expect(try address("host: 127.0.0.1\nport: '8080'\n") == "https://127.0.0.1:8080")
    }

    @Test func port80OrHTTPSFalseOrAnHTTPHostMeanPlainHTTP() throws {
        #expect(try address("host: 127.0.0.1\nport: 80\n") == "http://127.0.0.1:80")
        #expect(try address("host: 127.0.0.1\nport: 8080\nhttps: false\n") == "http://127.0.0.1:8080")
        #expect(try address("host: http://127.0.0.1/\nport: 8080\n") == "http://127.0.0.1:8080")
        #expect(try address("host: 127.0.0.1\nport: 80\nhttps: true\n") == "https://127.0.0.1:80")
    }

    @Test func unusableValuesNameTheFileAndWhatToWrite() throws {
        let cases: [(String, String)] = [
            ("host: m2.example.com\nport: 70000\n", "port that is not a number from 1 to 65535"),
            ("host: m2.example.com\nport: many\n", "port that is not a number"),
            ("host: [a, b]\n", "host that is not a host name"),
            ("host: ''\n", "host that is not a host name"),
            ("host: x\nhttps: maybe\n", "https that is not true or false"),
            ("host: [unclosed\n", "is not valid YAML"),
        ]
        for (file, message) in cases {
            do {
                _ = try address(file)
                Issue.record("\(file) was accepted")
            } catch {
                #expect("\(error)".contains(home + "/.exoline"), "\(error)")
                #expect("\(error)".contains(message), "\(file): \(error)")
            }
        }
    }
}
