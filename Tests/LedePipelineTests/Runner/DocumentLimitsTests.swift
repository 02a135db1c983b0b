#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LedeIO
import LedePipeline
import LedeSample
import Testing

/// `--dedupe-ids` and `--max-entities`, end to end.
@Suite("Duplicate ids and the entity limit")
struct DocumentLimitsTests {
    private static func good(_ id: String, _ text: String = "Juan Guaido spoke in Caracas.") -> [UInt8] {
        HostileShard.line(id: id, text: text)
    }

    /// The ids of a run's documents of one shard, in order.
    private static func documentIDs(_ output: String, shard: String) throws -> [String] {
        let path = OutputLayout(root: output).documentsPath(for: Shard(path: shard, relativePath: "news.jsonl.zst"))
        return try Fixtures.readJSONLines(path).map { $0["id"] as? String ?? "" }
    }

    private static func stats(_ output: String) throws -> [String: Any] {
        let bytes = try Fixtures.readAll(Path.join(output, "aggregates/stats.json"))
        return try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
    }

    @Test func repeatedIDsBecomeKeptRejectsWithinTheirShardOnly() async throws {
        let lines: [(bytes: [UInt8], reason: String?)] = [
            (Self.good("a"), nil),
            (Self.good("b"), nil),
            (Self.good("a", "The same id, another text."), "duplicate-id"),
            (Array(#"{"id":"c"}"#.utf8), "missing-text"),
            (Self.good("c"), nil),
            (Array(#"{"text":"no id"}"#.utf8), nil),
            (Array(#"{"text":"no id"}"#.utf8), nil),
            (Self.good("b"), "duplicate-id"),
            (Array(#"{"id":"\u0061","text":"escaped a"}"#.utf8), "duplicate-id"),
        ]
        let first = try HostileShard(name: "first.jsonl.zst", lines: lines).compressed(frameSize: 50)
        // The same ids in another shard are not duplicates: a shard's results depend on it alone.
        let second = HostileShard(name: "second.jsonl", lines: [(Self.good("a"), nil), (Self.good("b"), nil)])
        for chunkSize in [64, 64 << 10] {
            let (summary, outcomes) = try await runHostile([first, second], chunkSize: chunkSize, dedupeIDs: true)
            #expect(summary.rejectsByReason["duplicate-id"] == 3)
            #expect(outcomes["first.jsonl.zst"]?.documents.map { $0["id"] as? String } == ["a", "b", "c", "first.jsonl.zst:6", "first.jsonl.zst:7"])
            #expect(outcomes["first.jsonl.zst"]?.reasons.first?["detail"] as? String == "an earlier line of this shard has the same id")
            #expect(outcomes["second.jsonl"]?.documents.count == 2)
        }
        // Off by default: every line with a text is a document.
        var undeduplicated = first
        undeduplicated.reasons = ["missing-text"]
        undeduplicated.rejectedLineNumbers = [4]
        undeduplicated.rejectedBytes = Array(#"{"id":"c"}"#.utf8) + [0x0A]
        let (summary, _) = try await runHostile([undeduplicated], chunkSize: 64)
        #expect(summary.rejectsByReason["duplicate-id"] == nil)
    }

    @Test func theFirstOccurrenceWinsWhateverTheChunksAndJobs() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "news.jsonl.zst")
        // 3,000 lines over 1,000 ids in a shuffled order.
        var random = SplitMix64(seed: 5)
        let lines = (0..<3_000).map { number in Self.good("id\(random.next() % 1_000)", "Line \(number) names Angela Merkel in Berlin.") }
        try Fixtures.writeShard(lines, to: shard, linesPerFrame: 250)
        var expected: [String] = []
        var seen: Set<String> = []
        for number in 0..<3_000 {
            let id = try JSONSerialization.jsonObject(with: Data(lines[number])) as! [String: Any]
            if seen.insert(id["id"] as! String).inserted { expected.append(id["id"] as! String) }
        }
        var outputs: [String] = []
        for (jobs, chunkSize) in [(1, 64 << 10), (2, 1 << 10), (2, 7_000)] {
            let out = Path.join(root, "out-\(jobs)-\(chunkSize)")
            let summary = try await runPipeline(inputs: [shard], output: out, jobs: jobs, chunkSize: chunkSize, dedupeIDs: true)
            #expect(summary.documents == expected.count)
            #expect(summary.rejectsByReason == ["duplicate-id": 3_000 - expected.count])
            #expect(try Self.documentIDs(out, shard: shard) == expected)
            outputs.append(out)
        }
        #expect(try Fixtures.tree(Path.join(outputs[0], "aggregates")) == Fixtures.tree(Path.join(outputs[1], "aggregates")))
        #expect(try Fixtures.tree(Path.join(outputs[0], "rejects")) == Fixtures.tree(Path.join(outputs[2], "rejects")))
    }

    /// A run stopped after a checkpoint resumes with the ids of the checkpointed
    /// chunks known again: duplicates of them after the checkpoint are still rejected.
    @Test func aResumedShardRejectsTheSameDuplicates() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "news.jsonl.zst")
        // No reject before line 1,900 (the first one stops the run below); then ids of the first lines again.
        var lines = (0..<1_900).map { Self.good("n\($0)", "Juan Guaido met Angela Merkel in Berlin on day \($0).") }
        lines.append(Array("not json at all".utf8))
        lines += (0..<100).map { Self.good("n\($0 * 7)", "A repeat of story \($0 * 7).") }
        try Fixtures.writeShard(lines, to: shard, linesPerFrame: 300)
        usleep(2_100_000)  // a checkpoint of a file changed just before the run is not trusted
        let out = Path.join(root, "out")
        let blocker = Path.join(out, "rejects")
        try AtomicFile.write(Array("in the way".utf8), to: blocker)
        await #expect(throws: SystemError.self) {
            _ = try await runPipeline(inputs: [shard], output: out, jobs: 2, chunkSize: 16 << 10, checkpointChunks: 2, dedupeIDs: true)
        }
        let checkpoint = try #require(RunState(layout: OutputLayout(root: out)).checkpoint(forRelativePath: "news.jsonl.zst"))
        #expect(checkpoint.chunks >= 4)
        try FileSystem.removeFile(blocker)

        let resumed = try await runPipeline(
            inputs: [shard], output: out, jobs: 2, chunkSize: 16 << 10, checkpointChunks: 2, dedupeIDs: true)
        #expect(resumed.resumedShards == 1)
        #expect(resumed.rejectsByReason == ["not-json": 1, "duplicate-id": 100])
        let fresh = Path.join(root, "fresh")
        _ = try await runPipeline(inputs: [shard], output: fresh, jobs: 1, chunkSize: 16 << 10, checkpointChunks: 0, dedupeIDs: true)
        try IncrementalRunTests.expectSameOutputs(out, fresh)
    }

    @Test func documentsKeepTheirFirstMentionsUpToTheLimit() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "news.jsonl")
        let cities = ["Berlin", "Paris", "London", "Madrid", "Rome", "Vienna", "Moscow", "Tokyo"]
        let crowded = cities.map { "Reporters arrived in \($0)." }.joined(separator: " ")
        let lines = [
            Self.good("crowded", crowded), Self.good("small", "Angela Merkel spoke."), Array("not json".utf8),
            Self.good("crowded-again", crowded),
        ]
        try Fixtures.writeShard(lines, to: shard, zstd: false)
        let unlimited = Path.join(root, "unlimited")
        let free = try await runPipeline(inputs: [shard], output: unlimited, jobs: 1)
        let limited = Path.join(root, "limited")
        let cut = try await runPipeline(inputs: [shard], output: limited, jobs: 1, maxEntities: 3)

        #expect(free.entityLimitDocuments == 0)
        #expect(cut.entityLimitDocuments == 2)
        #expect(cut.lines == cut.documents + cut.rejects)
        #expect(cut.documents == 3)
        let layout = { (root: String) in OutputLayout(root: root).documentsPath(for: Shard(path: shard, relativePath: "news.jsonl")) }
        let all = try Fixtures.readJSONLines(layout(unlimited))
        let kept = try Fixtures.readJSONLines(layout(limited))
        for (whole, part) in zip(all, kept) {
            let wholeEntities = whole["entities"] as! [[String: Any]]
            let partEntities = part["entities"] as! [[String: Any]]
            #expect(partEntities.count == min(3, wholeEntities.count))
            #expect(partEntities.map { $0["start"] as! Int } == wholeEntities.prefix(3).map { $0["start"] as! Int })
        }
        #expect((all[0]["entities"] as! [Any]).count == cities.count)
        let stats = try Self.stats(limited)
        #expect(stats["entity_limit_documents"] as? Int == 2)
        #expect(stats["mentions"] as? Int == 3 + 3 + 1)
        #expect(try Self.stats(unlimited)["entity_limit_documents"] as? Int == 0)
        let record = try #require(RunState(layout: OutputLayout(root: limited)).records().records["news.jsonl"])
        #expect(record.entityLimitDocuments == 2)

        // Another limit is another setting: the shard is processed again.
        let rerun = try await runPipeline(inputs: [shard], output: limited, jobs: 1, maxEntities: 100)
        #expect(rerun.changedShards == 1)
        #expect(rerun.entityLimitDocuments == 0)
    }
}
