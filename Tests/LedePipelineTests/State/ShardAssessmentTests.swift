#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import LedePipeline
import Testing

@Suite("Shard assessment and the run lock")
struct ShardAssessmentTests {
    private func survey(_ corpus: String, _ out: String) async throws -> ShardSurvey {
        let configuration = PipelineConfiguration(inputs: [corpus], output: out, jobs: 2, taggerIdentity: "rules")
        return try await ShardSurvey.make(
            shards: try ShardDiscovery.shards(for: [corpus]), configuration: configuration, layout: OutputLayout(root: out))
    }

    /// An unchanged status taken well after the file's last change is trusted
    /// without reading the file; a status taken right after a change is not.
    @Test func theFileIsHashedOnlyWhenItsStatusCannotBeTrusted() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 41, documents: 50, shards: 1).write(to: corpus, jobs: 1)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 1, chunkSize: 4 << 20)
        let state = RunState(layout: OutputLayout(root: out))
        var record = try #require(try state.records().records["sample-00000.jsonl.zst"])
        #expect(record.fingerprint == ShardRecord.fingerprint(try XXH64.hash(file: Path.join(corpus, "sample-00000.jsonl.zst"))))
        // A wrong fingerprint shows whether the file was read.
        record.fingerprint = "xxh64:0000000000000000"
        record.statusTime = record.file.changed + 10_000_000_000
        try state.write(record)
        #expect(try await survey(corpus, out).assessments.map(\.verdict) == [.unchanged])
        record.statusTime = record.file.changed + 1_000_000
        try state.write(record)
        #expect(try await survey(corpus, out).assessments.map(\.verdict) == [.changed("its content changed")])
    }

    @Test func aDeletedPartialMakesTheShardChanged() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 42, documents: 50, shards: 2).write(to: corpus, jobs: 1)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        try FileSystem.removeTree(OutputLayout(root: out).partialPath(forRelativePath: "sample-00001.jsonl.zst"))
        #expect(try await survey(corpus, out).assessments.map(\.verdict) == [.unchanged, .changed("its outputs are missing")])
        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(rerun.changedShards == 1)
    }

    /// A partial written by an older Lede (another format) cannot be merged, so
    /// its shard is processed again instead of stopping every rerun.
    @Test func aPartialOfAnotherFormatMakesTheShardChanged() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 44, documents: 50, shards: 2).write(to: corpus, jobs: 1)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let entities = try FileSystem.readAll(Path.join(out, "aggregates/entities.csv"))
        let partial = OutputLayout(root: out).partialPath(forRelativePath: "sample-00001.jsonl.zst")
        let format = try AtomicFile(path: Path.join(partial, "FORMAT"), durable: false)
        try format.write(Array("lede-partial 2\n".utf8))
        try format.commit()
        #expect(
            try await survey(corpus, out).assessments.map(\.verdict)
                == [.unchanged, .changed("its partial was written by another version of Lede")])
        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(rerun.changedShards == 1)
        #expect(try FileSystem.readAll(Path.join(out, "aggregates/entities.csv")) == entities)
        #expect(try await survey(corpus, out).assessments.map(\.verdict) == [.unchanged, .unchanged])
    }

    @Test func aRunOnALockedDirectoryStopsAndNamesTheHolder() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 43, documents: 50, shards: 1).write(to: corpus, jobs: 1)
        let out = Path.join(root, "out")
        let layout = OutputLayout(root: out)
        let lock = try RunLock.acquire(layout, command: "run")
        #expect(RunLock.holder(layout)?.contains("pid \(getpid())") == true)
        let error = await #expect(throws: RunLockedError.self) {
            _ = try await runPipeline(inputs: [corpus], output: out, jobs: 1)
        }
        #expect(error?.description.contains("pid \(getpid()) on ") == true)
        #expect(error?.description.contains("lede run since 20") == true)
        #expect(!FileSystem.exists(layout.aggregatesDirectory), "a locked-out run touches nothing")
        #expect(!FileSystem.exists(layout.runRecordPath))
        lock.release()
        #expect(RunLock.holder(layout) == nil)
        let summary = try await runPipeline(inputs: [corpus], output: out, jobs: 1)
        #expect(summary.documents == 50)
    }
}
