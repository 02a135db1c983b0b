import Foundation
import LedeEntities
import LedeIO
import LedePipeline
import Logging
import Testing

/// One task's slice of the shards, as `lede run --task I --tasks N` runs it.
func runTask(
    _ task: Int, of tasks: Int, inputs: [String], output: String, stride: Int? = nil
) async throws -> RunSummary {
    let configuration = PipelineConfiguration(
        inputs: inputs, output: output, jobs: 2, chunking: ChunkingOptions(chunkSize: 64 << 10),
        taggerIdentity: "rules")
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let gazetteer = Gazetteer.builtIn
    let runner = PipelineRunner(configuration: configuration, logger: logger) { RuleTagger(gazetteer: gazetteer) }
    return try await runner.runTask(
        shards: try ShardDiscovery.shards(for: inputs), slice: try ShardSlice(task: task, tasks: tasks, stride: stride))
}

@Suite("Task runs")
struct TaskRunTests {
    @Test func taskRunsProcessTheirSlicesWithoutMergingAndTheMergeMatchesOneRun() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 31, documents: 400, shards: 8).write(to: corpus, jobs: 2)
        let shards = try ShardDiscovery.shards(for: [corpus])
        let out = Path.join(root, "out")
        let layout = OutputLayout(root: out)
        var processed = 0
        for task in 0..<3 {
            let summary = try await runTask(task, of: 3, inputs: [corpus], output: out)
            #expect(summary.newShards == ShardSlice.shardCounts(of: shards, tasks: 3, stride: 3)[task])
            #expect(summary.partialsMerged == 0)
            #expect(!FileSystem.isDirectory(layout.aggregatesDirectory), "a task run never merges")
            #expect(!FileSystem.isRegularFile(layout.storePath), "nor builds the store")
            processed += summary.newShards
            let unfinished = try RunState(layout: layout).unfinishedShards()
            #expect(unfinished.count == shards.count - processed, "the other tasks' shards are not finished yet, nor removed")
        }
        #expect(processed == 8)
        _ = try RunState(layout: layout).mergeTables(store: StoreOutput(enabled: false))
        let single = Path.join(root, "single")
        _ = try await runPipeline(inputs: [corpus], output: single, jobs: 2)
        try IncrementalRunTests.expectSameOutputs(out, single)
    }

    @Test func aShardClaimedByAnotherProcessIsSkippedAndReported() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 32, documents: 200, shards: 4).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let layout = OutputLayout(root: out)
        let held = try ShardDiscovery.shards(for: [corpus])[1].relativePath
        let claim = try #require(try ShardClaim.acquire(held, layout: layout, command: "run --task 9 --tasks 10"))
        let summary = try await runTask(0, of: 1, inputs: [corpus], output: out)
        #expect(summary.newShards == 3)
        #expect(summary.claimedElsewhere.map(\.shard) == [held])
        #expect(summary.claimedElsewhere.first?.holder.contains("run --task 9 --tasks 10") == true)
        #expect(try RunState(layout: layout).unfinishedShards() == [held])
        claim.release()
        let rerun = try await runTask(0, of: 1, inputs: [corpus], output: out)
        #expect(rerun.newShards == 1)
        #expect(rerun.unchangedShards == 3)
        #expect(rerun.claimedElsewhere.isEmpty)
    }

    @Test func changingTheTaskCountNeverReprocessesFinishedShards() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 33, documents: 400, shards: 8).write(to: corpus, jobs: 2)
        let shards = try ShardDiscovery.shards(for: [corpus])
        let out = Path.join(root, "out")
        let first = try await runTask(0, of: 3, inputs: [corpus], output: out)
        #expect(first.newShards > 0)
        let times = try IncrementalRunTests.partialTimes(out)
        var processed = first.newShards
        var unchanged = 0
        for task in 0..<5 {
            let summary = try await runTask(task, of: 5, inputs: [corpus], output: out)
            processed += summary.newShards + summary.changedShards
            unchanged += summary.unchangedShards
        }
        #expect(processed == shards.count, "each shard processed exactly once")
        #expect(unchanged == first.newShards, "shards of the 3-task run count as unchanged for the 5-task run")
        let after = try IncrementalRunTests.partialTimes(out)
        #expect(times.allSatisfy { after[$0.key] == $0.value }, "no partial of the first run is rewritten")
        #expect(try RunState(layout: OutputLayout(root: out)).unfinishedShards().isEmpty)
    }

    @Test func aPlainRunAndTaskRunsExcludeEachOther() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 34, documents: 100, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let layout = OutputLayout(root: out)
        let task = try RunLock.acquire(layout, command: "run --task 0 --tasks 2", shared: true)
        _ = try await runTask(1, of: 2, inputs: [corpus], output: out)
        await #expect(throws: RunLockedError.self) { try await runPipeline(inputs: [corpus], output: out, jobs: 2) }
        task.release()
        let plain = try RunLock.acquire(layout, command: "run")
        await #expect(throws: RunLockedError.self) { try await runTask(0, of: 2, inputs: [corpus], output: out) }
        plain.release()
    }

    @Test func anIdleTaskDoesNothing() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 35, documents: 50, shards: 1).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let owner = ShardSlice.logicalTask(of: "sample-00000.jsonl.zst", tasks: 2)
        let summary = try await runTask(1 - owner, of: 2, inputs: [corpus], output: out)
        #expect(summary.shards == 0 && summary.newShards == 0)
        #expect(summary.exitCode == 0)
        #expect(try RunState(layout: OutputLayout(root: out)).unfinishedShards() == ["sample-00000.jsonl.zst"])
    }
}
