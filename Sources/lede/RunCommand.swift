import ArgumentParser
import LedeAggregation
import LedeEntities
import LedeIO
import LedePipeline
import Logging

extension Lede {
    /// `lede run`: the whole pipeline over an archive.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate shards and build the entity tables.",
            discussion: """
                Directories are searched recursively for *.jsonl.zst and *.jsonl files. \
                Writes <output>/documents, <output>/rejects, <output>/aggregates, \
                <output>/lede.sqlite and <output>/_state. A rerun processes only new and \
                changed shards, resumes checkpointed ones, and removes shards whose files \
                are gone. Exits 0 when everything was clean, 1 when lines were rejected or \
                shards failed, 2 on bad usage, 3 when another run holds the output directory, \
                4 when the run stopped because an output could not be written.

                With --task I --tasks N the run processes only its slice of the shards \
                (a hash of each shard's path relative to its input root, mod N) into the \
                shared output directory and does not merge: any number of task runs may \
                work at once, each claiming the shards it processes, and `lede merge \
                --output DIR` builds the tables once all have finished. A plain run or a \
                merge waits for none of them: it exits 3 while a task run holds the directory.

                A pipeline file (lede run Pipelines/news.yaml) gives the same settings \
                in YAML, relative paths starting at the file's directory; options on \
                the command line win over it.
                """
        )

        @Argument(help: "A pipeline file (.yaml or .yml); options given here win over it.")
        var pipeline: String?

        @Option(name: .long, parsing: .upToNextOption, help: "Shard files, directories or glob patterns.")
        var input: [String] = []

        @Option(name: .long, help: "The output directory.")
        var output: String?

        @Option(name: .long, help: "Chunks processed at once (default: the cores this process may use).")
        var jobs: Int?

        @OptionGroup var fields: FieldOptions

        @OptionGroup var taggerOptions: TaggerOptions

        @Option(name: .long, help: "Decoded MiB per chunk (default: 4).")
        var chunkSize: Int?

        @Option(name: .long, help: "Longest line in MiB; longer lines are rejected as too-long (default: 64).")
        var maxLineLength: Int?

        @Option(name: .long, help: ArgumentHelp(
            "The largest zstd window a frame may need; a shard with a larger one fails (default: 128MiB; up to 2GiB, for zstd --long=31).",
            valueName: "size"))
        var maxZstdWindow: String?

        @Option(name: .long, help: "Entity mentions a document keeps, the first in document order; documents with more are counted (default: 10000).")
        var maxEntities: Int?

        @Flag(
            name: .customLong("dedupe-ids"), inversion: .prefixedNo,
            help: "Reject a line whose id an earlier line of the same shard had, as duplicate-id (default: off).")
        var dedupeIDs: Bool?

        @Option(name: .long, help: "Entities per document considered for co-occurrence (default: 50).")
        var cooccurrenceCap: Int?

        @Option(name: .long, help: "zstd level of the annotated documents, 1-19 (default: 1).")
        var compressionLevel: Int32?

        @OptionGroup var storeOptions: StoreBuildOptions

        @Option(name: .long, help: "Checkpoint a shard every N chunks, so that a killed run resumes it there (0: never; default: every 256 MiB).")
        var checkpointChunks: Int?

        @Flag(
            name: .long, inversion: .prefixedNo,
            help: "Keep the counts and documents of recorded shards whose files are gone (default: remove them).")
        var keepMissing: Bool?

        @Option(name: .long, help: ArgumentHelp(
            "Write Prometheus text-format metrics here (for a node-exporter textfile collector): every 30 s and at the end.",
            valueName: "file"))
        var metrics: String?

        @Option(name: .long, help: "Process only this task's slice of the shards, without merging (0 ≤ I < --tasks, or < --task-stride).")
        var task: Int?

        @Option(name: .long, help: "The number of logical tasks the shards are spread over (with --task).")
        var tasks: Int?

        @Option(name: .long, help: "The number of processes sharing the --tasks logical tasks (a job array's size): process I runs tasks I, I+A, I+2A, …")
        var taskStride: Int?

        @Flag(name: .long, help: "Print only the summary line, not the top entities.")
        var quiet = false

        @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
        var logLevel: String = "info"

        func validate() throws {
            if let pipeline, !PipelineFile.isPipelineFileName(pipeline) {
                throw ValidationError("\(pipeline) is not a pipeline file: give a .yaml or .yml file, or the shards with --input")
            }
            if pipeline == nil, let file = input.first(where: PipelineFile.isPipelineFileName) {
                throw ValidationError("\(file) is a pipeline file, not a shard: give it first, before the options (lede run \(file) …)")
            }
            if pipeline == nil && input.isEmpty { throw ValidationError("give at least one --input (a .jsonl.zst file, a directory or a glob)") }
            if pipeline == nil && output == nil { throw ValidationError("give --output DIR, the directory the run writes to") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let chunkSize, chunkSize < 1 { throw ValidationError("--chunk-size is in MiB and must be at least 1") }
            if let maxLineLength, maxLineLength < 1 { throw ValidationError("--max-line-length is in MiB and must be at least 1") }
            if let maxZstdWindow, WindowSize.parse(maxZstdWindow).map(WindowSize.isValid) != true {
                throw ValidationError("--max-zstd-window takes \(WindowSize.range), not \(maxZstdWindow)")
            }
            if let checkpointChunks, checkpointChunks < 0 { throw ValidationError("--checkpoint-chunks cannot be negative (0 turns checkpoints off)") }
            if let maxEntities, maxEntities < 1 { throw ValidationError("--max-entities must be at least 1") }
            if let cooccurrenceCap, cooccurrenceCap < 0 { throw ValidationError("--cooccurrence-cap cannot be negative") }
            if let compressionLevel, !PipelineSettings.compressionLevels.contains(compressionLevel) {
                throw ValidationError("--compression-level must be between 1 and 19")
            }
            if (task == nil) != (tasks == nil) { throw ValidationError("give --task I and --tasks N together (or neither, to run over every shard)") }
            if taskStride != nil && task == nil { throw ValidationError("--task-stride needs --task I and --tasks N") }
            if let task, let tasks {
                do { _ = try ShardSlice(task: task, tasks: tasks, stride: taskStride) } catch { throw ValidationError(error.description) }
            }
            if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error") }
        }

        func run() async throws {
            let logger = makeLogger(level: logLevel)
            let shards: [Shard]
            var configuration: PipelineConfiguration
            var taggerOptions = taggerOptions
            do {
                let settings = try commandLineSettings.overriding(pipeline.map(PipelineFile.load) ?? PipelineSettings())
                shards = try settings.shards()
                configuration = try settings.configuration()
                configuration.store = StoreOutput(enabled: !storeOptions.noSQLite, path: storeOptions.sqlite ?? settings.sqlite)
                taggerOptions.tagger = settings.tagger.flatMap { TaggerOptions.Kind(rawValue: $0.rawValue) }
                taggerOptions.model = settings.model
                taggerOptions.gazetteer = settings.gazetteers ?? []
                configuration.taggerIdentity = taggerOptions.identity
            } catch {
                throw ValidationError("\(error)")
            }
            let output = configuration.output
            let tagger = try taggerOptions.load()
            do {
                try FileSystem.createDirectory(output)
            } catch {
                throw ValidationError("cannot use --output \(output): \(error.reason)")
            }
            let slice = try task.flatMap { task in try tasks.map { try ShardSlice(task: task, tasks: $0, stride: taskStride) } }
            logger.info("reading \(shards.count) shard(s) with \(configuration.jobs) job(s) into \(output), tagger \(taggerOptions)")
            configuration.metricsPath = metrics
            let started = SystemInfo.monotonicSeconds()
            let summary: RunSummary
            do {
                summary = try await run(tagger, configuration: configuration, shards: shards, slice: slice, logger: logger)
            } catch {
                if let metrics {
                    var partial = RunSummary()
                    partial.seconds = SystemInfo.monotonicSeconds() - started
                    try? RunMetrics(summary: partial, output: output, state: .failed).write(to: metrics)
                }
                throw error
            }
            if let metrics {
                do {
                    try RunMetrics(summary: summary, output: output, state: .finished).write(to: metrics)
                } catch {
                    throw ValidationError("cannot write --metrics \(metrics): \(error)")
                }
            }
            SummaryPrinter.print(summary, output: output, showTop: !quiet && slice == nil)
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        }

        private func run(
            _ tagger: TaggerOptions.Choice, configuration: PipelineConfiguration, shards: [Shard], slice: ShardSlice?,
            logger: Logger
        ) async throws -> RunSummary {
            let summary: RunSummary
            do {
                switch tagger {
                case .rules(let tagger):
                    summary = try await run(PipelineRunner(configuration: configuration, logger: logger) { tagger }, shards, slice)
                case .model(let tagger):
                    summary = try await run(PipelineRunner(configuration: configuration, logger: logger) { tagger }, shards, slice)
                case .rulesWithUserNames(let tagger):
                    summary = try await run(PipelineRunner(configuration: configuration, logger: logger) { tagger }, shards, slice)
                case .modelWithUserNames(let tagger):
                    summary = try await run(PipelineRunner(configuration: configuration, logger: logger) { tagger }, shards, slice)
                }
            } catch let error as RunLockedError {
                throw error
            } catch {
                printError("lede: the run stopped: \(error); the shards finished so far are kept, and the next run goes on from there")
                throw ExitCode(ExitStatus.stopped)
            }
            return summary
        }

        /// A plain run over every shard, or a task run over its slice.
        private func run<Tagger>(_ runner: PipelineRunner<Tagger>, _ shards: [Shard], _ slice: ShardSlice?) async throws -> RunSummary {
            if let slice { return try await runner.runTask(shards: shards, slice: slice) }
            return try await runner.run(shards: shards)
        }

        /// The options given on the command line, to lay over the pipeline file's.
        private var commandLineSettings: PipelineSettings {
            PipelineSettings(
                inputs: input.isEmpty ? nil : input, textField: fields.textField, idField: fields.idField,
                dateField: fields.dateField, sourceField: fields.sourceField,
                tagger: taggerOptions.tagger.flatMap { PipelineSettings.TaggerKind(rawValue: $0.rawValue) },
                model: taggerOptions.model, gazetteers: taggerOptions.gazetteer.isEmpty ? nil : taggerOptions.gazetteer,
                cooccurrenceCap: cooccurrenceCap, output: output, jobs: jobs,
                chunkSizeMiB: chunkSize, maxLineLengthMiB: maxLineLength, compressionLevel: compressionLevel,
                checkpointChunks: checkpointChunks, keepMissing: keepMissing,
                maxZstdWindow: maxZstdWindow.flatMap(WindowSize.parse), dedupeIDs: dedupeIDs, maxEntities: maxEntities)
        }
    }
}

/// The field-name options shared by commands that read input lines; unset ones
/// fall back to the pipeline file, then to the defaults.
struct FieldOptions: ParsableArguments {
    @Option(name: .long, help: "The field holding the article text (default: text).")
    var textField: String?
    @Option(name: .long, help: "The field holding the document id (default: id).")
    var idField: String?
    @Option(name: .long, help: "The field holding the publication date (default: date).")
    var dateField: String?
    @Option(name: .long, help: "The field holding the source name (default: source).")
    var sourceField: String?
}

/// A logger writing to standard error at `level`.
func makeLogger(level: String) -> Logger {
    var logger = Logger(label: "lede") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = Logger.Level(rawValue: level) ?? .info
    return logger
}
