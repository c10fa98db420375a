import Foundation
import OneP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// 50 MB of content uploaded from a file and downloaded into one through the provisioning client,
/// reporting throughput and how far the resident set grew during the transfers, which stays a small
/// multiple of a chunk when both directions stream.
struct ContentScenario {
    let client: ProvisionClient
    let label: String
    let directory: String
    let templateRID: String

    static let size = 50 * 1024 * 1024

    func run() async throws -> String {
        let model = "bench-\(label)"
        let source = directory + "/content-\(label).bin"
        let target = directory + "/content-\(label).out"
        try writeSource(source)
        _ = try await client.modelCreate(model, template: .rid(templateRID))
        _ = try await client.contentCreate(model: model, id: "blob")
        let sampler = ResidentSampler()
        let clock = ContinuousClock()
        let start = clock.now
        _ = try await client.contentUpload(
            model: model, id: "blob", filePath: source, contentType: "application/octet-stream", progress: { _ in sampler.sample() })
        let uploaded = clock.now
        _ = try await client.contentDownload(model: model, id: "blob", toFile: target, progress: { _, _ in sampler.sample() })
        let downloaded = clock.now
        let growth = sampler.growthKilobytes / 1024
        let identical = FileManager.default.contentsEqual(atPath: source, andPath: target)
        try? FileManager.default.removeItem(atPath: source)
        try? FileManager.default.removeItem(atPath: target)
        return "\(label) 50 MB content: upload \(Self.rate(uploaded - start)) MB/s, download \(Self.rate(downloaded - uploaded)) MB/s, "
            + "resident memory +\(growth) MB, identical: \(identical)"
    }

    private func writeSource(_ path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? handle.close() }
        let chunk = Data((0..<(1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for _ in 0..<(Self.size / chunk.count) { try handle.write(contentsOf: chunk) }
    }

    private static func rate(_ elapsed: Duration) -> String {
        let (whole, fraction) = elapsed.components
        let seconds = Double(whole) + Double(fraction) / 1e18
        return seconds > 0 ? String(Int((Double(size) / 1_048_576 / seconds).rounded())) : "-"
    }
}

/// The largest growth of the resident set seen while a transfer runs, sampled after each chunk.
// @unchecked Sendable: `largest` is only touched while holding `lock`.
final class ResidentSampler: @unchecked Sendable {
    private let lock = NSLock()
    private let baseline = ResidentSampler.residentKilobytes()
    private var largest = 0

    func sample() {
        let now = Self.residentKilobytes()
        lock.withLock { largest = max(largest, now - baseline) }
    }

    var growthKilobytes: Int { lock.withLock { largest } }

    /// The current resident set from `/proc/self/statm`; 0 where there is none.
    static func residentKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}
