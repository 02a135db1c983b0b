import ArgumentParser
import LedeIO
import LedePipeline

extension Lede {
    /// `lede status`: what is done, pending, failed, changed and missing in an output directory.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which shards of an output directory are done, pending, failed, changed or missing.",
            discussion: """
                Compares the inputs (by default those of the last `lede run` into the directory) \
                with the run state in <output>/_state, as the next run would, without changing \
                anything. Files whose status moved are hashed to tell a touch from a change.
                """)

        @Option(name: .long, help: "The output directory.")
        var output: String

        @Option(name: .long, parsing: .upToNextOption, help: "Inputs to compare (default: the last run's).")
        var input: [String] = []

        @Option(name: .long, help: "Files hashed at once (default: the cores this process may use).")
        var jobs: Int?

        @Flag(name: .long, help: "Print one JSON object listing every shard.")
        var json = false

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() async throws {
            let layout = OutputLayout(root: output)
            let state = RunState(layout: layout)
            let last = state.runRecord()
            let inputs = input.isEmpty ? last?.inputs ?? [] : input
            if inputs.isEmpty {
                throw ValidationError("\(output) records no earlier run: give --input, or run `lede run --output \(output)` first")
            }
            let shards: [Shard]
            do { shards = try ShardDiscovery.shards(for: inputs) } catch { throw ValidationError("\(error)") }
            let configuration = PipelineConfiguration(
                inputs: inputs, output: output, jobs: jobs ?? PipelineConfiguration.defaultJobs,
                chunking: ChunkingOptions(
                    chunkSize: last?.chunkSize ?? ChunkingOptions().chunkSize,
                    maxLineLength: last?.maxLineLength ?? ChunkingOptions().maxLineLength))
            let survey = try await ShardSurvey.make(
                shards: shards, configuration: configuration, settings: last?.settings ?? "", layout: layout)
            let report = StatusReport(survey: survey, output: output, inputs: inputs, running: RunLock.holder(layout))
            print(json ? report.json : report.text)
        }
    }
}
