import Foundation
import GRDB
import LedeIO
import LedePipeline
import LedeStore
import Testing

/// The SQLite store follows the run state: rebuilt after the tables, from the
/// partials of the recorded shards, with the failures their records keep.
@Suite("The store and the run state")
struct RunStateStoreTests {
    /// The rows of `sql` in the store at `path`, every value as text.
    private func rows(_ path: String, _ sql: String) throws -> [[String]] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { database in
            try Row.fetchAll(database, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: "NULL"
                    case .int64(let number): String(number)
                    case .double(let number): String(number)
                    case .string(let text): text
                    case .blob(let bytes): "blob of \(bytes.count) bytes"
                    }
                }
            }
        }
    }

    private func readFileBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func aRunWithNothingToProcessRebuildsAMissingStore() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 31, documents: 200, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let first = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let store = OutputLayout(root: out).storePath
        #expect(first.store?.path == store)
        let top = try StoreReader(path: store).top(limit: 10)
        #expect(!top.isEmpty)
        try FileSystem.removeFile(store)

        let second = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(second.shards == 0)
        #expect(second.store?.shards == 2)
        #expect(try StoreReader(path: store).top(limit: 10) == top)
    }

    @Test func theStoreNamesEveryRecordedFailureAndOnlyRecordedShards() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        try FileSystem.createDirectory(corpus)
        let lines = (0..<200).map { Array(#"{"id":"\#($0)","text":"Talks in Geneva, day \#($0)."}"#.utf8) }
        try Fixtures.writeShard(lines, to: Path.join(corpus, "good.jsonl.zst"))
        let broken = Path.join(corpus, "broken.jsonl.zst")
        try Fixtures.writeShard(lines, to: broken, linesPerFrame: 50)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: broken)))
        bytes.removeLast(bytes.count / 3)
        try AtomicFile.write(bytes, to: broken, durable: false)
        let out = Path.join(root, "out")
        let layout = OutputLayout(root: out)
        let query = "SELECT name, failed, failure IS NOT NULL FROM shards ORDER BY name"
        let expected = [["broken.jsonl.zst", "1", "1"], ["good.jsonl.zst", "0", "0"]]
        #expect(try await runPipeline(inputs: [corpus], output: out, jobs: 2).failures.count == 1)
        #expect(try rows(layout.storePath, query) == expected)

        // The failure is an earlier run's now: the store still names it, with its reason.
        let second = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        #expect(second.shards == 0 && second.earlierFailures.count == 1)
        #expect(try rows(layout.storePath, query) == expected)
        let reason = try rows(layout.storePath, "SELECT failure FROM shards WHERE name = 'broken.jsonl.zst'")
        #expect(reason.first?.first == second.earlierFailures.first?.reason)
        // Each file as the records know it.
        let files = try ["broken.jsonl.zst", "good.jsonl.zst"].map { name in
            let path = Path.join(corpus, name)
            let status = try FileStatus.of(path)
            return [name, String(status.size), String(status.modified), try ShardRecord.fingerprint(ofFile: path)]
        }
        #expect(try rows(layout.storePath, "SELECT name, file_size, file_modified_ns, fingerprint FROM shards ORDER BY name") == files)

        // A partial without a record (a leftover of a killed run) is in neither the tables nor the store.
        let scratch = OutputLayout(root: Path.join(root, "scratch"))
        _ = try await runPipeline(inputs: [Path.join(corpus, "good.jsonl.zst")], output: scratch.root, jobs: 1)
        try FileSystem.rename(
            scratch.partialPath(forRelativePath: "good.jsonl.zst"), to: layout.partialPath(forRelativePath: "stray.jsonl.zst"))
        let merged = try RunState(layout: layout).mergeTables(store: StoreOutput())
        #expect(merged.tables.partials == 2)
        #expect(merged.store?.shards == 2)
        #expect(try rows(layout.storePath, query) == expected)
    }

    @Test func severalJobsBuildTheStoreBesideTheTablesAndADamagedPartialKeepsBoth() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 33, documents: 300, shards: 3).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let layout = OutputLayout(root: out)
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 1)
        let pairs = "SELECT a, b, documents FROM cooccurrences ORDER BY a, b"
        let entities = "SELECT * FROM entities ORDER BY id"
        let alone = (try rows(layout.storePath, pairs), try rows(layout.storePath, entities))
        let tables = try readFileBytes(Path.join(layout.aggregatesDirectory, "cooccurrences.csv"))

        let beside = try RunState(layout: layout).mergeTables(store: StoreOutput(), jobs: 2)
        #expect(beside.store?.cooccurrences == alone.0.count)
        #expect(try rows(layout.storePath, pairs) == alone.0)
        #expect(try rows(layout.storePath, entities) == alone.1)
        #expect(try readFileBytes(Path.join(layout.aggregatesDirectory, "cooccurrences.csv")) == tables)

        // A damaged partial fails the tables' merge while the store builds beside it:
        // neither the tables nor the store are replaced, and no temporary store is left.
        let store = try readFileBytes(layout.storePath)
        let partial = try #require(
            try FileSystem.contentsOfDirectory(layout.partialsDirectory).sorted().first { !$0.hasPrefix(".") })
        let damaged = Path.join(Path.join(layout.partialsDirectory, partial), "cooccurrences.bin")
        var bytes = try readFileBytes(damaged)
        bytes.removeLast(bytes.count / 2)
        try AtomicFile.write(bytes, to: damaged, durable: false)
        #expect(throws: (any Error).self) { try RunState(layout: layout).mergeTables(store: StoreOutput(), jobs: 2) }
        #expect(try readFileBytes(layout.storePath) == store)
        #expect(try readFileBytes(Path.join(layout.aggregatesDirectory, "cooccurrences.csv")) == tables)
        #expect(try FileSystem.contentsOfDirectory(layout.temporaryDirectory).filter { $0.contains("sqlite") }.isEmpty)
    }

    @Test func aStoreInsideTheAggregatesDirectoryIsBuiltAfterTheTables() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 34, documents: 200, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let path = Path.join(OutputLayout(root: out).aggregatesDirectory, "lede.sqlite")
        let run = try await runPipeline(inputs: [corpus], output: out, jobs: 2, store: StoreOutput(path: path))
        #expect(run.store?.path == path)
        #expect(try !StoreReader(path: path).top(limit: 1).isEmpty)
    }

    @Test func storeOptionsAreNoChangeOfSettings() async throws {
        let disabled = PipelineConfiguration(inputs: [], output: "out", store: StoreOutput(enabled: false))
        let elsewhere = PipelineConfiguration(inputs: [], output: "out", store: StoreOutput(path: "/srv/lede.sqlite"))
        #expect(disabled.settings == elsewhere.settings)
        #expect(disabled.settings == PipelineConfiguration(inputs: [], output: "out").settings)

        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 32, documents: 200, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        _ = try await runPipeline(inputs: [corpus], output: out, jobs: 2)
        let noStore = try await runPipeline(inputs: [corpus], output: out, jobs: 2, store: StoreOutput(enabled: false))
        #expect(noStore.shards == 0 && noStore.changedShards == 0)
        #expect(noStore.store == nil)
        let path = Path.join(root, "stores/news.sqlite")
        let moved = try await runPipeline(inputs: [corpus], output: out, jobs: 2, store: StoreOutput(path: path))
        #expect(moved.shards == 0 && moved.changedShards == 0)
        #expect(moved.store?.path == path)
        #expect(try !StoreReader(path: path).top(limit: 1).isEmpty)
    }
}
