import Foundation

/// How far the resident set of this process rose above where it stood at `init`: the kernel's
/// high-water mark is reset first (Linux `clear_refs`), so earlier scenarios' peaks do not count.
/// Where the reset is not allowed, the growth is sampled between steps instead.
struct PeakResident {
    private let baseline: Int
    private let resetWorked: Bool
    private let sampler = ResidentSampler()

    init() {
        resetWorked = Self.resetHighWaterMark()
        baseline = Self.field("VmRSS")
    }

    /// The growth in kilobytes so far.
    var growthKilobytes: Int {
        resetWorked ? max(0, Self.field("VmHWM") - baseline) : sampler.growthKilobytes
    }

    func sample() {
        sampler.sample()
    }

    /// How the growth was measured, for the report line.
    var method: String { resetWorked ? "VmHWM" : "sampled VmRSS" }

    private static func resetHighWaterMark() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// A `kB` field of /proc/self/status; 0 where there is none.
    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).split(separator: " ").first ?? "") ?? 0
        }
        return 0
    }
}
