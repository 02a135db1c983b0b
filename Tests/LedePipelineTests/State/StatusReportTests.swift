import Foundation
import LedeIO
import LedePipeline
import Testing

@Suite("Status reports")
struct StatusReportTests {
    @Test func everyKindOfShardIsReported() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 51, documents: 300, shards: 3).write(to: corpus, jobs: 2)
        let broken = Path.join(corpus, "broken.jsonl.zst")
        try AtomicFile.write(Array("not zstd".utf8), to: broken, durable: false)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        // One shard changes, one disappears, one is new.
        let other = Path.join(root, "other")
        _ = try await SampleWriter(seed: 52, documents: 30, shards: 3).write(to: other, jobs: 2)
        try FileSystem.rename(Path.join(other, "sample-00000.jsonl.zst"), to: Path.join(corpus, "sample-00000.jsonl.zst"))
        try FileSystem.removeFile(Path.join(corpus, "sample-00001.jsonl.zst"))
        try FileSystem.rename(Path.join(other, "sample-00001.jsonl.zst"), to: Path.join(corpus, "new.jsonl.zst"))

        let layout = OutputLayout(root: out)
        let last = try #require(RunState(layout: layout).runRecord())
        #expect(last.inputs == [corpus])
        let configuration = PipelineConfiguration(inputs: last.inputs, output: out, jobs: 2)
        let survey = try await ShardSurvey.make(
            shards: try ShardDiscovery.shards(for: last.inputs), configuration: configuration, settings: last.settings,
            layout: layout)
        let report = StatusReport(survey: survey, output: out, inputs: last.inputs, running: nil)
        #expect(report.done.map(\.shard) == ["sample-00002.jsonl.zst"])
        #expect(report.failed.map(\.shard) == ["broken.jsonl.zst"])
        #expect(report.failed.first?.detail?.contains("not a zstd file") == true)
        #expect(report.changed.map(\.shard) == ["sample-00000.jsonl.zst"])
        #expect(report.pending.map(\.shard) == ["new.jsonl.zst"])
        #expect(report.missing.map(\.shard) == ["sample-00001.jsonl.zst"])
        #expect(report.totals.shards == 4)
        #expect(report.totals.documents == 100)
        #expect(!report.isUpToDate)
        #expect(report.text.contains("missing (the next run removes them unless --keep-missing):\n  sample-00001.jsonl.zst"))
        let json = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as! [String: Any]
        #expect((json["totals"] as? [String: Any])?["pending"] as? Int == 1)

        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let after = StatusReport(
            survey: try await ShardSurvey.make(
                shards: try ShardDiscovery.shards(for: last.inputs), configuration: configuration, settings: last.settings,
                layout: layout),
            output: out, inputs: last.inputs, running: nil)
        #expect(after.isUpToDate)
        #expect(after.done.count == 3)
        #expect(after.failed.count == 1)
    }
}
