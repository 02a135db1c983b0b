import ArgumentParser
import Foundation
import LedeEntities
import LedeIO
import LedePipeline
import LedeSample

extension Lede {
    /// `lede bench`: the rate of every stage on this machine, against the decompression floor.
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure each stage's throughput against the zstd decompression floor.",
            discussion: """
                In one process: libzstd decompression alone (the floor) and `zstd -dc` when \
                installed, then the stages cumulatively on one core (tagging with the rules, and \
                with the trained model instead), then whole runs with 1 and N jobs with each \
                tagger, one with one job and the process pinned to one core (the one-core \
                rate that N-job scaling is judged against: a one-job run decompresses on a \
                second core), one with the SQLite store, and the default run (N jobs, the \
                model, the store). Figures are MB/s of decoded \
                JSONL, medians of --repeat rounds.
                """)

        @Option(name: .long, help: "A directory, file or glob of shards to measure.")
        var input: String?

        @Option(name: .long, help: "Generate a sample corpus of this size instead (e.g. 300MB, 1GB).")
        var generate: String?

        @Option(name: .long, help: "Shards of the generated corpus.")
        var shards: Int = 1

        @Option(name: .long, help: "Jobs of the multi-core run (default: the cores this process may use).")
        var jobs: Int?

        @Option(name: .long, help: "Rounds per stage; the median is reported.")
        var `repeat`: Int = 3

        @Option(name: .long, help: "Where generated corpora and run outputs go (default: a temporary directory).")
        var scratch: String?

        @Option(name: .long, help: "The model file of the model rows (default: \(TaggerOptions.defaultModel)).")
        var model: String?

        @Flag(name: .long, help: "Print one JSON object instead of a table.")
        var json = false

        func validate() throws {
            if (input == nil) == (generate == nil) { throw ValidationError("give either --input DIR or --generate SIZE (for example --generate 1GB)") }
            if let generate, ByteSize.parse(generate) == nil { throw ValidationError("--generate takes a size such as 300MB or 1GB, not \(generate)") }
            if `repeat` < 1 { throw ValidationError("--repeat must be at least 1") }
            if shards < 1 { throw ValidationError("--shards must be at least 1") }
        }

        func run() async throws {
            let logger = makeLogger(level: json ? "warning" : "info")
            let scratchDirectory = scratch ?? Path.join(NSTemporaryDirectory(), "lede-bench-\(getpid())")
            try FileSystem.createDirectory(scratchDirectory)
            defer { if scratch == nil { try? FileSystem.removeTree(scratchDirectory) } }
            let inputPath: String
            if let generate, let size = ByteSize.parse(generate) {
                inputPath = Path.join(scratchDirectory, "corpus")
                let documents = max(1, Int(size / Int64(SampleCorpus.averageLineBytes)))
                logger.info("generating about \(generate) (\(documents) documents in \(shards) shard(s)) into \(inputPath)")
                _ = try await SampleWriter(seed: 1, documents: documents, shards: shards)
                    .write(to: inputPath, jobs: PipelineConfiguration.defaultJobs)
            } else {
                inputPath = input!
            }
            let shardList: [Shard]
            do { shardList = try ShardDiscovery.shards(for: [inputPath]) } catch { throw ValidationError("\(error)") }
            let gazetteer = Gazetteer.builtIn
            var trained: PerceptronModel?
            do {
                trained = try PerceptronModel(contentsOf: TaggerOptions.modelPath(given: self.model))
            } catch {
                logger.warning("no model rows: \(error)")
            }
            let benchmark = StageBenchmark(
                shards: shardList, repeats: `repeat`, jobs: jobs ?? PipelineConfiguration.defaultJobs,
                scratchDirectory: scratchDirectory, logger: logger, makeRules: { RuleTagger(gazetteer: gazetteer) },
                makeModel: trained.map { model in { PerceptronTagger(model: model) } })
            let report = try await benchmark.run()
            print(json ? report.json() : "machine: \(MachineDescription.current)\n" + report.text())
        }
    }
}

/// Sizes such as `300MB` or `1GB` (decimal units, as disks are sold).
enum ByteSize {
    static func parse(_ text: String) -> Int64? {
        let upper = text.uppercased()
        let units: [(String, Int64)] = [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("G", 1_000_000_000), ("M", 1_000_000), ("K", 1_000), ("B", 1)]
        for (suffix, scale) in units where upper.hasSuffix(suffix) {
            guard let value = Double(upper.dropLast(suffix.count)), value > 0 else { return nil }
            return Int64(value * Double(scale))
        }
        return Int64(upper).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// Cores and CPU model, for benchmark reports.
enum MachineDescription {
    static var current: String {
        let model = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(SystemInfo.activeProcessorCount) cores, \(model)"
    }
}
