import OneP
import OnePJSON

/// What ``seedDemo(transport:cik:now:)`` created, for the executable to print.
public struct DemoSeed: Sendable {
    public let deviceRID: String
    public let deviceCIK: String?
    public let dataports: [String]
}

/// Fills a new embedded platform with a small demo, so a first `tree` or `read` shows something.
///
/// Under the client the CIK belongs to it creates a client `demo-device` (alias `demo`) with
/// three dataports holding a day of points, one every 10 minutes, ending at `now`:
/// `temperature` (float, °C, a daily swing around 20), `humidity` (integer, %), and
/// `status` (string, "ok" with a "door open" hour). Everything goes through the RPC API.
/// - Returns: the device's RID and CIK and the dataport names.
@discardableResult
public func seedDemo(transport: any Transport, cik: String, now: Int) async throws -> DemoSeed {
    let root = RPCClient(transport: transport, auth: .cik(cik))
    var limits = JSONObject()
    for key in [
        "client", "dataport", "datarule", "disk", "dispatch", "email", "email_bucket", "http", "http_bucket", "share", "sms", "sms_bucket", "xmpp",
        "xmpp_bucket",
    ] {
        limits[key] = "inherit"
    }
    let created = try await root.call(
        .create(.me, type: .client, description: ["name": "demo-device", "meta": "onep demo device", "limits": .object(limits)]))
    guard let device = created?.stringValue else { throw OnePError.malformedAnswer("create gave no RID") }
    _ = try await root.call(.map(.rid(device), alias: "demo"))
    let keyInfo = try await root.call(.info(.rid(device), options: [.key]))
    let deviceCIK = keyInfo?["key"]?.stringValue

    let dataports: [(name: String, format: String, meta: String)] = [
        ("temperature", "float", "{\"unit\": \"°C\"}"),
        ("humidity", "integer", "{\"unit\": \"%\"}"),
        ("status", "string", ""),
    ]
    let answers = try await root.batch(
        dataports.map {
            .create(.rid(device), type: .dataport, description: ["name": .string($0.name), "format": .string($0.format), "meta": .string($0.meta)])
        })
    var rids: [String] = []
    for answer in answers {
        guard let rid = try answer.get()?.stringValue else { throw OnePError.malformedAnswer("create gave no RID") }
        rids.append(rid)
    }
    // Aliases live in the device's own namespace, so they are mapped acting as the device.
    let asDevice = root.with(auth: .cik(cik, clientID: device))
    for result in try await asDevice.batch(zip(rids, dataports).map { .map(.rid($0), alias: $1.name) }) { _ = try result.get() }

    let step = 600
    let first = now - 86_400 + step
    var temperature: [(Int, JSON)] = []
    var humidity: [(Int, JSON)] = []
    var status: [(Int, JSON)] = []
    for index in 0..<(86_400 / step) {
        let time = first + index * step
        let hourOfDay = (time % 86_400) / 3600
        // A smooth daily swing without Foundation's sin: a triangle wave peaking at 15:00.
        let distance = abs(hourOfDay - 15) <= 12 ? abs(hourOfDay - 15) : 24 - abs(hourOfDay - 15)
        temperature.append((time, .double(Double(24 * 10 - distance * 8 + index % 3) / 10)))
        humidity.append((time, .int(40 + distance * 2)))
        status.append((time, .string(hourOfDay == 8 ? "door open" : "ok")))
    }
    let recorded = try await root.batch([
        .recordbatch(.rid(rids[0]), temperature), .recordbatch(.rid(rids[1]), humidity), .recordbatch(.rid(rids[2]), status),
    ])
    for result in recorded { _ = try result.get() }
    return DemoSeed(deviceRID: device, deviceCIK: deviceCIK, dataports: dataports.map(\.name))
}
