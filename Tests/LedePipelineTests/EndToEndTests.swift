import Foundation
import LedeAggregation
import LedeEntities
import LedeIO
import LedePipeline
import Logging
import Testing

/// Runs the pipeline as `lede run` does.
func runPipeline(
    inputs: [String], output: String, jobs: Int, chunkSize: Int = 64 << 10, maxLineLength: Int = 64 << 20,
    cooccurrenceCap: Int = 50, checkpointChunks: Int? = nil, keepMissing: Bool = false, store: StoreOutput = StoreOutput(),
    maxZstdWindow: Int = ShardByteSource.defaultMaxWindowSize, dedupeIDs: Bool = false,
    maxEntities: Int = PipelineConfiguration.defaultMaxEntities
) async throws -> RunSummary {
    let configuration = PipelineConfiguration(
        inputs: inputs, output: output, jobs: jobs,
        chunking: ChunkingOptions(chunkSize: chunkSize, maxLineLength: maxLineLength),
        aggregation: AggregationOptions(cooccurrenceCap: cooccurrenceCap), store: store, taggerIdentity: "rules",
        checkpointChunks: checkpointChunks, keepMissing: keepMissing, maxZstdWindow: maxZstdWindow, dedupeIDs: dedupeIDs,
        maxEntities: maxEntities)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let gazetteer = Gazetteer.builtIn
    let runner = PipelineRunner(configuration: configuration, logger: logger) { RuleTagger(gazetteer: gazetteer) }
    return try await runner.run(shards: try ShardDiscovery.shards(for: inputs))
}

@Suite("End to end over a generated corpus")
struct EndToEndTests {
    @Test func oneAndTwoJobsWriteIdenticalOutputs() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 7, documents: 600, shards: 3).write(to: corpus, jobs: 2)
        // Small chunks so that every shard is split across both workers.
        let one = try await runPipeline(inputs: [corpus], output: Path.join(root, "one"), jobs: 1)
        let two = try await runPipeline(inputs: [corpus], output: Path.join(root, "two"), jobs: 2)
        #expect(one.documents == 600)
        #expect(two.documents == 600)
        #expect(one.rejects == 0)
        for part in ["documents", "aggregates"] {
            let a = try Fixtures.tree(Path.join(Path.join(root, "one"), part))
            let b = try Fixtures.tree(Path.join(Path.join(root, "two"), part))
            #expect(!a.isEmpty)
            #expect(a == b, "\(part) differ between --jobs 1 and --jobs 2")
        }
    }

    @Test func documentsKeepInputOrderAndAccountingHolds() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 3, documents: 400, shards: 2).write(to: corpus, jobs: 2)
        let out = Path.join(root, "out")
        let summary = try await runPipeline(inputs: [corpus], output: out, jobs: 2, chunkSize: 16 << 10)
        #expect(summary.lines == summary.documents + summary.rejects)
        for shard in try ShardDiscovery.shards(for: [corpus]) {
            let input = try Fixtures.readJSONLines(shard.path).map { $0["id"] as! String }
            let output = try Fixtures.readJSONLines(OutputLayout(root: out).documentsPath(for: shard)).map { $0["id"] as! String }
            #expect(input == output)
        }
        let stats = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Path.join(out, "aggregates/stats.json")))) as! [String: Any]
        #expect(stats["documents"] as? Int == 400)
        let entities = try String(contentsOfFile: Path.join(out, "aggregates/entities.csv"), encoding: .utf8)
        #expect(entities.hasPrefix("canonical,label,mentions,documents,first_date,last_date\n"))
        #expect(entities.split(separator: "\n").count > 10)
    }

    @Test func mergingRunsOverPartsEqualsOneRunOverAll() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let corpus = Path.join(root, "corpus")
        _ = try await SampleWriter(seed: 11, documents: 300, shards: 3).write(to: corpus, jobs: 2)
        let shards = try ShardDiscovery.shards(for: [corpus])
        let all = Path.join(root, "all")
        _ = try await runPipeline(inputs: [corpus], output: all, jobs: 2)
        let parts = Path.join(root, "parts")
        // Two separate runs into one output directory, in reverse order: their partials merge.
        _ = try await runPipeline(inputs: [shards[2].path], output: parts, jobs: 1)
        _ = try await runPipeline(inputs: [shards[0].path, shards[1].path], output: parts, jobs: 2)
        #expect(try Fixtures.tree(Path.join(all, "aggregates")) == Fixtures.tree(Path.join(parts, "aggregates")))
        let again = try await runPipeline(inputs: [shards[0].path], output: parts, jobs: 1)
        #expect(again.otherInputs == 2, "shards of other inputs that still exist are kept")
        #expect(try Fixtures.tree(Path.join(all, "aggregates")) == Fixtures.tree(Path.join(parts, "aggregates")))
    }
}
