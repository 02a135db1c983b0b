import Foundation
@testable import LedePipeline
import Logging
import Testing

@Suite("Run metrics and progress")
struct RunMetricsTests {
    static func summary() -> RunSummary {
        var summary = RunSummary()
        summary.documents = 1200
        summary.lines = 1203
        summary.bytes = 4_000_000
        summary.rejectsByReason = ["not-json": 2, "invalid-utf8": 1]
        summary.newShards = 3
        summary.unchangedShards = 7
        summary.seconds = 2.5
        summary.entityLimitDocuments = 4
        return summary
    }

    @Test func finishedRunsCarryTheSuccessTimestamp() {
        let text = RunMetrics(summary: Self.summary(), output: "/srv/out", state: .finished, timestamp: 1_800_000_000.25).text
        #expect(text.contains("lede_documents_total{output=\"/srv/out\"} 1200\n"))
        #expect(text.contains("lede_lines_total{output=\"/srv/out\"} 1203\n"))
        #expect(text.contains("lede_bytes_total{output=\"/srv/out\"} 4000000\n"))
        #expect(text.contains("lede_rejects_total{output=\"/srv/out\",reason=\"invalid-utf8\"} 1\n"))
        #expect(text.contains("lede_rejects_total{output=\"/srv/out\",reason=\"not-json\"} 2\n"))
        #expect(text.contains("lede_shards{output=\"/srv/out\",state=\"unchanged\"} 7\n"))
        #expect(text.contains("lede_entity_limit_documents_total{output=\"/srv/out\"} 4\n"))
        #expect(text.contains("lede_run_duration_seconds{output=\"/srv/out\"} 2.5\n"))
        #expect(text.contains("lede_run_success{output=\"/srv/out\"} 1\n"))
        #expect(text.contains("lede_last_success_timestamp_seconds{output=\"/srv/out\"} 1800000000.25\n"))
        // Every sample line follows its HELP and TYPE lines.
        let names = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.prefix { $0 != "{" } }
        for name in Set(names) { #expect(text.contains("# TYPE \(name) ")) }
    }

    @Test func runningAndFailedRunsClaimNoSuccess() {
        for state in [RunMetrics.State.running, .failed] {
            let text = RunMetrics(summary: Self.summary(), output: "out", state: state, timestamp: 1).text
            #expect(text.contains("lede_run_success{output=\"out\"} 0\n"))
            #expect(!text.contains("lede_last_success_timestamp_seconds"))
            #expect(text.contains("lede_run_running{output=\"out\"} \(state == .running ? 1 : 0)\n"))
        }
    }

    @Test func labelValuesAreEscaped() {
        let text = RunMetrics(summary: RunSummary(), output: "a \"b\"\\c", state: .finished, timestamp: 0).text
        #expect(text.contains("{output=\"a \\\"b\\\"\\\\c\"}"))
    }

    @Test func progressLineAndClock() {
        #expect(RunProgress.clock(59.4) == "0:59")
        #expect(RunProgress.clock(61) == "1:01")
        #expect(RunProgress.clock(3_725) == "1:02:05")
    }

    @Test("the ETA comes from the compressed bytes consumed, before any shard is done")
    func progressETAOfAnOpenShard() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-progress-\(UInt32.random(in: 0...UInt32.max)).jsonl.zst").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(count: 1000)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let progress = RunProgress(
            shards: [Shard(path: path, relativePath: "huge.jsonl.zst")], output: "out", metricsPath: nil,
            logger: Logger(label: "test"))
        let later = SystemInfo.monotonicSeconds() + 10
        let quarter = progress.line(Self.summary(), finishedShards: 0, consumedBytes: 250, now: later)
        #expect(quarter.hasPrefix("lede: 0/1 shards, 1200 documents, 4 MB"))
        // A quarter of the input in about 10 s leaves about 30 s.
        #expect(quarter.hasSuffix(", ETA 0:30"))
        #expect(!progress.line(Self.summary(), finishedShards: 0, consumedBytes: 0, now: later).contains("ETA"))
        #expect(!progress.line(Self.summary(), finishedShards: 1, consumedBytes: 1000, now: later).contains("ETA"))
    }
}
