import Foundation
import OnePJSON
import OnePlatform
import OnePlatformServer

/// How a fuzz run goes: how many cases, from which seed, and how many of them over a socket.
public struct FuzzOptions: Sendable {
    public var cases: Int
    public var seed: UInt64
    /// Out of 100 cases, how many are sent over a real socket to a served platform.
    public var socketPercent: Int
    /// A fresh world every this many cases, so the database does not grow without bound.
    public var casesPerWorld: Int
    /// How many worlds run their cases at the same time.
    public var parallelWorlds: Int
    /// Out of 100 socket cases, how many have their HTTP framing broken (a body shorter than its
    /// Content-Length, bad chunks, a head cut off) and are half-closed.
    public var framingPercent: Int
    /// Whether each case is announced on standard error before it runs, to find one that hangs.
    public var trace: Bool

    public init(
        cases: Int, seed: UInt64, socketPercent: Int = 5, casesPerWorld: Int = 5_000, parallelWorlds: Int = 2, framingPercent: Int = 0,
        trace: Bool = false
    ) {
        self.cases = cases
        self.seed = seed
        self.socketPercent = socketPercent
        self.casesPerWorld = casesPerWorld
        self.parallelWorlds = max(1, parallelWorlds)
        self.framingPercent = framingPercent
        self.trace = trace
    }
}

/// One case whose answer was not a documented one.
public struct FuzzFailure: Sendable, CustomStringConvertible {
    public let index: Int
    public let kind: FuzzKind
    public let input: String
    public let answer: String
    public let reason: String

    public var description: String {
        "case \(index) (\(kind.rawValue)): \(reason)\n  sent:     \(input)\n  answered: \(answer)"
    }
}

/// What a fuzz run did and found.
public struct FuzzReport: Sendable {
    public let seed: UInt64
    public var cases = 0
    public var casesByKind: [FuzzKind: Int] = [:]
    /// The first failures found (a run keeps going after one, up to a few dozen).
    public var failures: [FuzzFailure] = []
    public var failureCount = 0
    /// How often each answer came (`write ok`, `read invalid`, `provisioning 205`, ...).
    public var answers: [String: Int] = [:]

    /// The answers counted, most frequent first, one per line.
    public var answerTable: String {
        answers.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value)\t\($0.key)" }.joined(separator: "\n")
    }

    public var summary: String {
        let kinds = FuzzKind.allCases.compactMap { kind in casesByKind[kind].map { "\($0) \(kind.rawValue)" } }.joined(separator: ", ")
        return "seed \(seed): \(cases) cases (\(kinds)), \(failureCount) failures"
    }

    mutating func record(_ failure: FuzzFailure) {
        failureCount += 1
        if failures.count < 25 { failures.append(failure) }
    }

    mutating func merge(_ other: FuzzReport) {
        cases += other.cases
        casesByKind.merge(other.casesByKind, uniquingKeysWith: +)
        answers.merge(other.answers, uniquingKeysWith: +)
        failureCount += other.failureCount
        failures += other.failures.prefix(max(0, 25 - failures.count))
    }
}

/// Runs fuzz cases against fresh worlds and checks every answer.
public enum FuzzRun {
    /// - Parameter progress: called with the number of cases done each time a world finishes.
    public static func run(_ options: FuzzOptions, progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> FuzzReport {
        let ranges = stride(from: 0, to: options.cases, by: options.casesPerWorld).map { $0..<min($0 + options.casesPerWorld, options.cases) }
        var report = FuzzReport(seed: options.seed)
        try await withThrowingTaskGroup(of: FuzzReport.self) { group in
            var pending = ranges[...]
            for _ in 0..<options.parallelWorlds {
                guard let range = pending.popFirst() else { break }
                group.addTask { try await runWorld(options, range: range) }
            }
            while let part = try await group.next() {
                report.merge(part)
                progress(report.cases)
                if let range = pending.popFirst() { group.addTask { try await runWorld(options, range: range) } }
            }
        }
        report.failures.sort { $0.index < $1.index }
        return report
    }

    private static func runWorld(_ options: FuzzOptions, range: Range<Int>) async throws -> FuzzReport {
        var report = FuzzReport(seed: options.seed)
        let world = try await FuzzWorld.make()
        defer { world.close() }
        let server = options.socketPercent > 0 ? try await RunningPlatformServer.start(platform: world.platform) : nil
        let cases = try FuzzCases(world: world, port: server?.port, framingPercent: options.framingPercent)
        for index in range {
            var rng = SplitMix64(seed: options.seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
            let kind = cases.kind(&rng, socketPercent: options.socketPercent)
            let outcome = await cases.run(kind, index: index, &rng, trace: options.trace)
            if let failure = outcome.failure { report.record(failure) }
            for answer in outcome.answers { report.answers[answer, default: 0] += 1 }
            report.cases += 1
            report.casesByKind[kind, default: 0] += 1
            if report.cases % 100 == 0 { await world.names.replenish(world.platform) }
            if report.cases % 1_000 == 0, let failure = await cases.healthCheck(index: index) { report.record(failure) }
        }
        if let failure = await cases.healthCheck(index: range.upperBound - 1) { report.record(failure) }
        try await server?.stop()
        return report
    }
}
