import ArgumentParser
import LedePipeline

extension Lede {
    /// `lede sample`: a synthetic news-like corpus for demos, tests and benchmarks.
    struct Sample: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic news-like corpus of .jsonl.zst shards.",
            discussion: "Deterministic for a seed: the same arguments always give the same bytes.")

        @Option(name: .long, help: "The directory to write shards into.")
        var output: String

        @Option(name: .long, help: "Number of documents.")
        var docs: Int = 10_000

        @Option(name: .long, help: "Number of shards.")
        var shards: Int = 4

        @Option(name: .long, help: "Random seed.")
        var seed: UInt64 = 1

        @Option(name: .long, help: "Shards written at once (default: the cores this process may use).")
        var jobs: Int?

        func validate() throws {
            if docs < 0 { throw ValidationError("--docs cannot be negative") }
            if shards < 1 { throw ValidationError("--shards must be at least 1") }
        }

        func run() async throws {
            let writer = SampleWriter(seed: seed, documents: docs, shards: shards)
            let result = try await writer.write(to: output, jobs: jobs ?? PipelineConfiguration.defaultJobs)
            print("wrote \(docs) documents in \(shards) shard(s) to \(output): \(result.bytes / 1_000_000) MB of JSONL, \(result.compressedBytes / 1_000_000) MB compressed")
        }
    }
}
