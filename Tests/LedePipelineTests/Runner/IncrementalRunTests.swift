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
import Testing

/// Reruns into one output directory against one fresh run over the same shards.
@Suite("Incremental runs")
struct IncrementalRunTests {
    /// The outputs that a rerun must leave exactly as one uninterrupted run would.
    static func expectSameOutputs(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for part in ["aggregates", "documents", "rejects"] {
            let left = FileSystem.isDirectory(Path.join(a, part)) ? try Fixtures.tree(Path.join(a, part)) : [:]
            let right = FileSystem.isDirectory(Path.join(b, part)) ? try Fixtures.tree(Path.join(b, part)) : [:]
            #expect(left == right, "\(part) differ: \(left.keys.sorted()) vs \(right.keys.sorted())", sourceLocation: sourceLocation)
        }
    }

    /// The modification time of every file under a shard partial, by path.
    static func partialTimes(_ output: String) throws -> [String: Int64] {
        var times: [String: Int64] = [:]
        for path in try FileSystem.regularFiles(under: OutputLayout(root: output).partialsDirectory) {
            times[path] = try FileStatus.of(path).modified
        }
        return times
    }

    @Test func aRerunOverTheSameShardsDoesNoWork() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 21, documents: 300, shards: 3).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let first = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(first.newShards == 3)
        #expect(first.partialsWritten == 3)
        let tables = try Fixtures.tree(Path.join(out, "aggregates"))
        let times = try Self.partialTimes(out)
        let documents = try Fixtures.tree(Path.join(out, "documents"))

        let second = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(second.shards == 0)
        #expect(second.unchangedShards == 3)
        #expect(second.partialsWritten == 0)
        #expect(second.partialsMerged == 3)
        #expect(second.exitCode == 0)
        #expect(try Self.partialTimes(out) == times, "no partial is rewritten")
        #expect(try Fixtures.tree(Path.join(out, "aggregates")) == tables)
        #expect(try Fixtures.tree(Path.join(out, "documents")) == documents)
    }

    @Test func anUnchangedRerunLeavesTheTablesAndTheStoreAsTheyAre() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 41, documents: 150, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let layout = OutputLayout(root: out)
        let first = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(!first.outputsUpToDate && first.store != nil)
        let store = try FileStatus.of(layout.storePath)
        let tables = try Fixtures.tree(layout.aggregatesDirectory)

        let second = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(second.outputsUpToDate)
        #expect(second.partialsMerged == 2 && second.store == nil)
        #expect(try FileStatus.of(layout.storePath) == store, "the store is not rebuilt")
        #expect(try Fixtures.tree(layout.aggregatesDirectory) == tables)

        // A missing table brings the merge back, and the tables are what they were.
        try FileSystem.removeFile(Path.join(layout.aggregatesDirectory, "timeline.csv"))
        let third = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(!third.outputsUpToDate && third.partialsMerged == 2)
        #expect(try Fixtures.tree(layout.aggregatesDirectory) == tables)

        // So does a store elsewhere, and a shard processed again.
        let moved = Path.join(root, "elsewhere.sqlite")
        let fourth = try await runPipeline(inputs: [corpus], output: out, jobs: 2, store: StoreOutput(path: moved))
        #expect(!fourth.outputsUpToDate && fourth.store?.path == moved)
        try FileSystem.removeFile(layout.recordPath(forRelativePath: "sample-00000.jsonl.zst"))
        let fifth = try await runPipeline(inputs: [corpus], output: out, jobs: 2, store: StoreOutput(path: moved))
        #expect(fifth.shards == 1 && !fifth.outputsUpToDate)
        #expect(try Fixtures.tree(layout.aggregatesDirectory) == tables)
    }

    @Test func aNewShardIsTheOnlyOneProcessed() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 22, documents: 300, shards: 3).write(to: corpus, jobs: 2)
        let third = Path.join(root, "sample-00002.jsonl.zst")
        try FileSystem.rename(Path.join(corpus, "sample-00002.jsonl.zst"), to: third)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        try FileSystem.rename(third, to: Path.join(corpus, "sample-00002.jsonl.zst"))

        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(rerun.shards == 1)
        #expect(rerun.newShards == 1)
        #expect(rerun.unchangedShards == 2)
        #expect(rerun.documents == 100)
        let fresh = Path.join(root, "fresh")
        _ = try await runPipeline(inputs: [corpus], output: fresh, jobs: 2)
        try Self.expectSameOutputs(out, fresh)
    }

    @Test func aChangedShardReplacesItsContributionInsteadOfAddingIt() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 23, documents: 300, shards: 3).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        // A corrected delivery of shard 1: other documents under the same name.
        let other = Path.join(root, "other")
        _ = try await SampleWriter(seed: 99, documents: 150, shards: 3).write(to: other, jobs: 2)
        try FileSystem.rename(Path.join(other, "sample-00001.jsonl.zst"), to: Path.join(corpus, "sample-00001.jsonl.zst"))

        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(rerun.changedShards == 1)
        #expect(rerun.shards == 1)
        let fresh = Path.join(root, "fresh")
        _ = try await runPipeline(inputs: [corpus], output: fresh, jobs: 2)
        try Self.expectSameOutputs(out, fresh)
        let stats = try String(contentsOfFile: Path.join(out, "aggregates/stats.json"), encoding: .utf8)
        #expect(stats.contains("\"documents\": 250") || stats.contains("\"documents\":250"), "\(stats)")
    }

    /// A corrected shard copied in with its old size and modification time (as
    /// `cp -p` or `rsync -t` of an upstream fix may do) is still found.
    @Test func aRewriteWithTheSameSizeAndModificationTimeIsFound() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "wire.jsonl")
        try Fixtures.writeShard([Array(#"{"id":"1","text":"Angela Merkel met Emmanuel Macron in Berlin."}"#.utf8)], to: shard, zstd: false)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [shard], output: out, jobs: 1)
        let before = try FileStatus.of(shard)
        // Same length, other name.
        try Fixtures.writeShard([Array(#"{"id":"1","text":"Angela Merkel met Emmanuel Macron in Madrid."}"#.utf8)], to: shard, zstd: false)
        var times = [timespec(), timespec()]
        times[0].tv_sec = Int(before.modified / 1_000_000_000)
        times[0].tv_nsec = Int(before.modified % 1_000_000_000)
        times[1] = times[0]
        #expect(utimensat(AT_FDCWD, shard, &times, 0) == 0)
        #expect(try FileStatus.of(shard).size == before.size)
        #expect(try FileStatus.of(shard).modified == before.modified)

        let rerun = try await runPipeline(inputs: [shard], output: out, jobs: 1)
        #expect(rerun.changedShards == 1)
        let entities = try String(contentsOfFile: Path.join(out, "aggregates/entities.csv"), encoding: .utf8)
        #expect(entities.contains("Madrid"))
        #expect(!entities.contains("Berlin"))
    }

    @Test func aTouchedShardIsHashedButNotProcessedAgain() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 24, documents: 100, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let shard = Path.join(corpus, "sample-00000.jsonl.zst")
        var times = [timespec(tv_sec: 1_500_000_000, tv_nsec: 0), timespec(tv_sec: 1_500_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, shard, &times, 0) == 0)

        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(rerun.unchangedShards == 2)
        #expect(rerun.partialsWritten == 0)
        let (records, _) = try RunState(layout: OutputLayout(root: out)).records()
        let modified: Int64 = 1_500_000_000 * 1_000_000_000
        #expect(records["sample-00000.jsonl.zst"]?.file.modified == modified, "the record follows the new status")
    }

    @Test(arguments: [false, true])
    func aShardWhoseFileIsGoneIsRemovedUnlessKept(keep: Bool) async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 25, documents: 300, shards: 3).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let before = try Fixtures.tree(Path.join(out, "aggregates"))
        let gone = Path.join(root, "gone.jsonl.zst")
        try FileSystem.rename(Path.join(corpus, "sample-00001.jsonl.zst"), to: gone)

        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2, keepMissing: keep)
        #expect(rerun.shards == 0)
        let layout = OutputLayout(root: out)
        let missing = Shard(path: gone, relativePath: "sample-00001.jsonl.zst")
        if keep {
            #expect(rerun.missingKept == ["sample-00001.jsonl.zst"])
            #expect(try Fixtures.tree(Path.join(out, "aggregates")) == before)
            #expect(FileSystem.isRegularFile(layout.documentsPath(for: missing)))
        } else {
            #expect(rerun.missingRemoved == ["sample-00001.jsonl.zst"])
            #expect(!FileSystem.exists(layout.documentsPath(for: missing)))
            #expect(!FileSystem.exists(layout.partialPath(for: missing)))
            #expect(!FileSystem.exists(layout.recordPath(forRelativePath: missing.relativePath)))
            let fresh = Path.join(root, "fresh")
            _ = try await runPipeline(inputs: [corpus], output: fresh, jobs: 2)
            try Self.expectSameOutputs(out, fresh)
        }
    }

    @Test func otherSettingsRedoEveryShard() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 26, documents: 200, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2, cooccurrenceCap: 3)
        #expect(rerun.changedShards == 2)
        let fresh = Path.join(root, "fresh")
        _ = try await runPipeline(inputs: [corpus], output: fresh, jobs: 2, cooccurrenceCap: 3)
        try Self.expectSameOutputs(out, fresh)
    }

    @Test func aFailedShardStaysFailedUntilItsFileChanges() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        try FileSystem.createDirectory(corpus)
        let lines = (0..<200).map { Array(#"{"id":"\#($0)","text":"Talks in Geneva, day \#($0)."}"#.utf8) }
        let good = Path.join(corpus, "good.jsonl.zst")
        try Fixtures.writeShard(lines, to: good)
        let broken = Path.join(corpus, "broken.jsonl.zst")
        try Fixtures.writeShard(lines, to: broken, linesPerFrame: 50)
        let whole = try Fixtures.readAll(broken).count
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: broken)))
        bytes.removeLast(bytes.count / 3)
        try AtomicFile.write(bytes, to: broken, durable: false)
        #expect(try Fixtures.readAll(good).count == whole)
        let out = Path.join(root, "out")
        let first = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(first.failures.map(\.shard) == ["broken.jsonl.zst"])
        #expect(first.exitCode == 1)

        let second = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(second.shards == 0)
        #expect(second.earlierFailures.map(\.shard) == ["broken.jsonl.zst"])
        #expect(second.exitCode == 1, "the output still holds a failed shard")

        try Fixtures.writeShard(lines, to: broken, linesPerFrame: 50)
        let third = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(third.changedShards == 1)
        #expect(third.failures.isEmpty && third.earlierFailures.isEmpty)
        #expect(third.exitCode == 0)
    }

    /// Rejects of shards that a stopped run finished are reported by the next
    /// complete run, once.
    @Test func theRejectsOfAStoppedRunAreReportedByTheNextOne() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "wire.jsonl")
        try Fixtures.writeShard([Array(#"{"text":"Talks in Geneva."}"#.utf8), Array("not json".utf8)], to: shard, zstd: false)
        let out = Path.join(root, "out")
        #expect(try await runPipeline(inputs: [shard], output: out, jobs: 1).exitCode == 1)
        // What a run killed after finishing the shard but before its end leaves:
        // a record newer than the last complete run.
        let state = RunState(layout: OutputLayout(root: out))
        var last = try #require(state.runRecord())
        let record = try #require(try state.records().records["wire.jsonl"])
        last.completed = record.finished - 1
        try AtomicFile.write(Array(try JSONEncoder().encode(last)), to: OutputLayout(root: out).runRecordPath)

        let next = try await runPipeline(inputs: [shard], output: out, jobs: 1)
        #expect(next.shards == 0)
        #expect(next.interruptedShards == 1)
        #expect(next.rejectsByReason == ["not-json": 1])
        #expect(next.exitCode == 1)
        let after = try await runPipeline(inputs: [shard], output: out, jobs: 1)
        #expect(after.interruptedShards == 0)
        #expect(after.rejects == 0)
        #expect(after.exitCode == 0)
    }

    @Test func leftoversOfAKilledRunAreCleanedUp() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 27, documents: 200, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let layout = OutputLayout(root: out)
        // What a run killed part-way can leave: a partial without a record, an
        // unfinished documents file, a spill file, a half-built partial and tables.
        try FileSystem.rename(
            layout.partialPath(forRelativePath: "sample-00000.jsonl.zst"), to: Path.join(layout.partialsDirectory, "vanished.jsonl.zst"))
        _ = try await runPipeline(inputs: [corpus], output: Path.join(root, "scratch"), jobs: 1)
        try FileSystem.rename(
            OutputLayout(root: Path.join(root, "scratch")).partialPath(forRelativePath: "sample-00000.jsonl.zst"),
            to: layout.partialPath(forRelativePath: "sample-00000.jsonl.zst"))
        try AtomicFile.write(Array("junk".utf8), to: Path.join(layout.documentsDirectory, ".vanished.jsonl.zst.inprogress"))
        try AtomicFile.write(Array("junk".utf8), to: Path.join(layout.temporaryDirectory, "overlong-1-1.spill"))
        try FileSystem.createDirectory(Path.join(layout.partialsDirectory, ".sample-00001.jsonl.zst.tmp-1-1"))
        try FileSystem.createDirectory(Path.join(out, ".aggregates.next-1-1"))

        let rerun = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(rerun.shards == 0)
        #expect(try FileSystem.contentsOfDirectory(layout.partialsDirectory) == ["sample-00000.jsonl.zst", "sample-00001.jsonl.zst"])
        #expect(try FileSystem.contentsOfDirectory(layout.temporaryDirectory).isEmpty)
        #expect(!FileSystem.exists(Path.join(out, ".aggregates.next-1-1")))
        let fresh = Path.join(root, "fresh")
        _ = try await runPipeline(inputs: [corpus], output: fresh, jobs: 2)
        #expect(try Fixtures.tree(Path.join(out, "aggregates")) == Fixtures.tree(Path.join(fresh, "aggregates")))
    }
}
