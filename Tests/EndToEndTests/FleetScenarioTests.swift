import Foundation
import Testing

/// Issue 5's fleet scenario end to end: one recorded onep script does the vendor's side against a
/// served platform while real `curl` plays the devices — activating, writing data, downloading
/// firmware. The script waits for the devices to check in by sourcing a named pipe, which the test
/// opens once the script reaches it and closes once every device has reported.
@Suite("Fleet scenario")
struct FleetScenarioTests {
    static let model = "thermostat"
    static let enabled = (1...10).map { String(format: "TH%04d", $0) }

    /// The operator's side, as `onep --record` writes a session: secrets come from variables.
    static let script = """
        # onep session recorded from ${ONEP_HOST}, authenticated as a CIK, starting at /
        # replay it with: onep -f fleet.onep; secrets come from ${ONEP_...} variables
        auth ${ONEP_CIK}
        provision auth --vendor ${ONEP_VENDOR} --token ${ONEP_VENDOR_TOKEN}
        create client thermostat
        create dataport thermostat/temperature --format float
        create dataport thermostat/humidity --format integer
        cd thermostat
        map temperature temperature
        map humidity humidity
        cd /
        create client devices
        create dataport checkin --format integer
        map checkin checkin
        provision model create thermostat thermostat
        provision sn add thermostat --file ${FLEET_SERIALS}
        provision content create thermostat firmware --meta 'v1.0'
        provision content upload thermostat firmware ${FLEET_FIRMWARE}
        \(enabled.map { "provision sn enable thermostat \($0) --owner devices" }.joined(separator: "\n"))
        source ${FLEET_CHECKIN}
        read checkin
        provision sn regenerate thermostat TH0003
        provision sn disable thermostat TH0007
        provision sn log thermostat TH0001
        set format csv
        provision sn list thermostat --limit 10
        provision sn info thermostat TH0003

        """

    @Test func aFleetComesIntoService() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        let serials = ["sn,extra"] + (1...1000).map { String(format: "TH%04d,batch %d", $0, $0 / 100) }
        var firmware = [UInt8](repeating: 0, count: 3 * 1024 * 1024 + 99)
        for index in firmware.indices { firmware[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 13) }
        let firmwareFile = world.root + "/firmware.bin"
        try Data(firmware).write(to: URL(fileURLWithPath: firmwareFile))
        world.variables["FLEET_SERIALS"] = try world.file(named: "serials.csv", containing: serials.joined(separator: "\n") + "\n")
        world.variables["FLEET_FIRMWARE"] = firmwareFile
        world.variables["ONEP_HOST"] = server.url
        world.variables["ONEP_CIK"] = server.rootCIK
        world.variables["ONEP_VENDOR"] = server.vendor
        world.variables["ONEP_VENDOR_TOKEN"] = server.vendorToken
        let checkinPipe = world.root + "/checkin"
        #expect(mkfifo(checkinPipe, 0o600) == 0)
        world.variables["FLEET_CHECKIN"] = checkinPipe
        let scriptFile = try world.file(named: "fleet.onep", containing: Self.script)
        #expect(!Self.script.contains(server.vendorToken) && !Self.script.contains(server.rootCIK))

        let operatorSide = try RunningOnep(["--host", server.url, "-f", scriptFile], in: world)
        // The pipe opens when the script reaches it, that is once every serial number is enabled.
        let checkin = try openForWriting(checkinPipe, while: { operatorSide.isRunning }, otherwise: { operatorSide.finish().description })

        // Each device activates once and receives its CIK, then writes with it.
        var ciks: [String: String] = [:]
        for (index, sn) in Self.enabled.enumerated() {
            let activation = try Curl.run(
                ["-X", "POST", "--data", "vendor=\(server.vendor)&model=\(Self.model)&sn=\(sn)"], url: server.url + "/provision/activate")
            #expect(activation.status == 200, "\(sn): \(activation)")
            ciks[sn] = activation.text
            let write = try Curl.rpc(
                server.url, cik: activation.text, procedure: "write", arguments: #"[{"alias": "temperature"}, \#(20 + index).5]"#)
            #expect(write.text == #"[{"id":1,"status":"ok"}]"#, "\(sn): \(write)")
        }
        let again = try Curl.run(
            ["-X", "POST", "--data", "vendor=\(server.vendor)&model=\(Self.model)&sn=TH0001"], url: server.url + "/provision/activate")
        #expect(again.status == 409)
        checkin.write(Data("write checkin \(ciks.count)\n".utf8))
        try checkin.close()

        let result = operatorSide.finish()
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout.contains("added 1000 serial numbers to thermostat\n"))
        #expect(result.stdout.contains("uploaded \(firmware.count) bytes to firmware\n"))
        #expect(result.stdout.contains("regenerated TH0003: its device must activate again\ndisabled TH0007\n"))
        #expect(result.stdout.contains("TH0001,activated,"))
        // The activation log names the address curl connected from.
        let activation = result.stdout.split(separator: "\n").first { $0.contains("model=thermostat&vendor=\(server.vendor)&sn=TH0001") }
        #expect(activation?.contains(" 127.0.0.1 ") == true, "\(result.stdout)")
        #expect(result.stdout.contains("TH0007,expired,"))
        #expect(
            result.stdout.hasSuffix(
                "sn,status,rid,extra\nTH0003,notactivated,\(result.stdout.split(separator: "\n").last?.split(separator: ",")[2] ?? ""),batch 0\n"))

        // The regenerated serial number's old CIK and the disabled one's are refused; the rest work.
        let old = try Curl.rpc(server.url, cik: ciks["TH0003"] ?? "", procedure: "read", arguments: #"[{"alias": "temperature"}, {}]"#)
        #expect(old.text.contains("401"), "\(old)")
        let disabled = try Curl.rpc(server.url, cik: ciks["TH0007"] ?? "", procedure: "read", arguments: #"[{"alias": "temperature"}, {}]"#)
        #expect(disabled.text.contains("401"), "\(disabled)")
        let reading = try Curl.rpc(server.url, cik: ciks["TH0001"] ?? "", procedure: "read", arguments: #"[{"alias": "temperature"}, {}]"#)
        #expect(reading.text.contains("20.5"), "\(reading)")
        let reactivated = try Curl.run(
            ["-X", "POST", "--data", "vendor=\(server.vendor)&model=\(Self.model)&sn=TH0003"], url: server.url + "/provision/activate")
        #expect(reactivated.status == 200 && reactivated.text != ciks["TH0003"])

        // A device downloads the firmware byte for byte.
        let downloaded = world.root + "/device-firmware.bin"
        let query = "vendor=\(server.vendor)&model=\(Self.model)&id=firmware"
        let download = try Curl.run(
            ["-H", "X-Exosite-CIK: \(ciks["TH0001"] ?? "")"], url: server.url + "/provision/download?" + query, output: downloaded)
        #expect(download.status == 200)
        #expect(FileManager.default.contents(atPath: downloaded) == Data(firmware))
        let refused = try Curl.run(["-H", "X-Exosite-CIK: \(ciks["TH0007"] ?? "")"], url: server.url + "/provision/download?" + query)
        #expect(refused.status >= 400)
    }

    @Test func debugHTTPShowsProvisioningRequestsAsCurlLines() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        world.variables["ONEP_VENDOR"] = server.vendor
        world.variables["ONEP_VENDOR_TOKEN"] = server.vendorToken
        let result = try OnepBinary.run(["--debug-http", "--host", server.url, "provision", "model", "list"], in: world)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("curl -X GET '\(server.url)/provision/manage/model/' -H 'X-Exosite-Token: \(server.vendorToken.prefix(4))*"))
        #expect(!result.stderr.contains(server.vendorToken))
        #expect(result.stdout == "model\n")
    }

    /// Opens a named pipe for writing once its reader has opened it, while `alive` holds.
    /// - Parameter otherwise: what to report when the reader never comes.
    private func openForWriting(_ path: String, while alive: () -> Bool, otherwise: () -> String) throws -> FileHandle {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, alive() {
            // Without a reader a non-blocking open fails with ENXIO; with one it succeeds at once.
            let descriptor = open(path, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 {
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
                return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw FleetScenarioError(waitedFor: "the script to reach \(path)", report: otherwise())
    }
}

struct FleetScenarioError: Error, CustomStringConvertible {
    let waitedFor: String
    let report: String
    var description: String { "gave up waiting for \(waitedFor)\n\(report)" }
}
