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

@Suite("Chunk checkpoints")
struct CheckpointTests {
    /// 2,000 short news lines, the 1,900th not JSON.
    static func lines() -> [[UInt8]] {
        (0..<2_000).map { number in
            number == 1_899
                ? Array("not json at all".utf8)
                : Array(#"{"id":"n\#(number)","date":"2019-05-\#(10 + number % 20)","text":"Juan Guaido met Angela Merkel in Berlin on day \#(number); the United Nations and Reuters reported it."}"#.utf8)
        }
    }

    @Test func checkpointsLeaveTheOutputsAsTheyWould() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 31, documents: 400, shards: 2).write(to: corpus, jobs: 2)
        try Fixtures.writeShard(Self.lines(), to: Path.join(corpus, "news.jsonl.zst"), linesPerFrame: 300)
        let plain = Path.join(root, "plain")
        let checkpointed = Path.join(root, "checkpointed")
        let without = try await runPipeline(inputs: [corpus], output: plain, jobs: 2, chunkSize: 16 << 10, checkpointChunks: 0)
        let with = try await runPipeline(inputs: [corpus], output: checkpointed, jobs: 2, chunkSize: 16 << 10, checkpointChunks: 2)
        #expect(without.checkpointsWritten == 0)
        #expect(with.checkpointsWritten > 10)
        try IncrementalRunTests.expectSameOutputs(plain, checkpointed)
        let layout = OutputLayout(root: checkpointed)
        #expect(try FileSystem.contentsOfDirectory(layout.checkpointsDirectory).isEmpty, "a finished shard's checkpoint is removed")
    }

    /// A run stopped part-way (here by a rejects directory it cannot create) keeps
    /// its checkpoint; the next run decodes and skips the checkpointed chunks and
    /// appends to the documents written so far.
    @Test func aStoppedRunResumesAfterItsLastCheckpoint() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "news.jsonl.zst")
        try Fixtures.writeShard(Self.lines(), to: shard, linesPerFrame: 300)
        // A checkpoint of a file changed less than two seconds before it began is
        // not trusted (timestamps are coarse), so the file must be older.
        usleep(2_100_000)
        let out = Path.join(root, "out")
        let blocker = Path.join(out, "rejects")
        try AtomicFile.write(Array("in the way".utf8), to: blocker)
        await #expect(throws: SystemError.self) {
            _ = try await runPipeline(inputs: [shard], output: out, jobs: 2, chunkSize: 16 << 10, checkpointChunks: 2)
        }
        let checkpoint = try #require(RunState(layout: OutputLayout(root: out)).checkpoint(forRelativePath: "news.jsonl.zst"))
        #expect(checkpoint.chunks >= 4)
        #expect(checkpoint.lines < 1_899)
        try FileSystem.removeFile(blocker)

        let resumed = try await runPipeline(inputs: [shard], output: out, jobs: 2, chunkSize: 16 << 10, checkpointChunks: 2)
        #expect(resumed.resumedShards == 1)
        #expect(resumed.chunksSkipped == checkpoint.chunks)
        #expect(resumed.lines == 2_000)
        #expect(resumed.rejects == 1)
        let fresh = Path.join(root, "fresh")
        _ = try await runPipeline(inputs: [shard], output: fresh, jobs: 1, chunkSize: 16 << 10, checkpointChunks: 0)
        try IncrementalRunTests.expectSameOutputs(out, fresh)
    }

    @Test func aCheckpointOfAnotherFileIsNotResumed() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "news.jsonl.zst")
        try Fixtures.writeShard(Self.lines(), to: shard, linesPerFrame: 300)
        usleep(2_100_000)
        let out = Path.join(root, "out")
        let blocker = Path.join(out, "rejects")
        try AtomicFile.write(Array("in the way".utf8), to: blocker)
        await #expect(throws: SystemError.self) {
            _ = try await runPipeline(inputs: [shard], output: out, jobs: 1, chunkSize: 16 << 10, checkpointChunks: 2)
        }
        try FileSystem.removeFile(blocker)
        #expect(RunState(layout: OutputLayout(root: out)).checkpoint(forRelativePath: "news.jsonl.zst") != nil)
        // Other lines under the same name: the checkpoint no longer describes them.
        try Fixtures.writeShard(Array(Self.lines().reversed()), to: shard, linesPerFrame: 300)

        let rerun = try await runPipeline(inputs: [shard], output: out, jobs: 1, chunkSize: 16 << 10, checkpointChunks: 2)
        #expect(rerun.resumedShards == 0)
        let fresh = Path.join(root, "fresh")
        _ = try await runPipeline(inputs: [shard], output: fresh, jobs: 1, chunkSize: 16 << 10, checkpointChunks: 0)
        try IncrementalRunTests.expectSameOutputs(out, fresh)
    }
}
