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
                Writes <output>/documents, <output>/rejects, <output>/aggregates and \
                <output>/_state. Exits 0 when everything was clean, 1 when lines were \
                rejected or shards failed, 2 on bad usage.
                """
        )

        @Option(name: .long, parsing: .upToNextOption, help: "Shard files, directories or glob patterns.")
        var input: [String] = []

        @Option(name: .long, help: "The output directory.")
        var output: String

        @Option(name: .long, help: "Chunks processed at once (default: all cores).")
        var jobs: Int?

        @OptionGroup var fields: FieldOptions

        @OptionGroup var taggerOptions: TaggerOptions

        @Option(name: .long, help: "Decoded MiB per chunk.")
        var chunkSize: Int = 4

        @Option(name: .long, help: "Longest line in MiB; longer lines are rejected as too-long.")
        var maxLineLength: Int = 64

        @Option(name: .long, help: "Entities per document considered for co-occurrence.")
        var cooccurrenceCap: Int = 50

        @Option(name: .long, help: "zstd level of the annotated documents (1-19).")
        var compressionLevel: Int32 = 1

        @Flag(name: .long, help: "Print only the summary line, not the top entities.")
        var quiet = false

        @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
        var logLevel: String = "info"

        func validate() throws {
            if input.isEmpty { throw ValidationError("give at least one --input (a .jsonl.zst file, a directory or a glob)") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if chunkSize < 1 { throw ValidationError("--chunk-size is in MiB and must be at least 1") }
            if maxLineLength < 1 { throw ValidationError("--max-line-length is in MiB and must be at least 1") }
            if cooccurrenceCap < 0 { throw ValidationError("--cooccurrence-cap cannot be negative") }
            if !(1...19).contains(compressionLevel) { throw ValidationError("--compression-level must be between 1 and 19") }
            if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error") }
        }

        func run() async throws {
            let logger = makeLogger(level: logLevel)
            let shards: [Shard]
            do {
                shards = try ShardDiscovery.shards(for: input)
            } catch {
                throw ValidationError("\(error)")
            }
            let tagger = try taggerOptions.load()
            do {
                try FileSystem.createDirectory(output)
            } catch {
                throw ValidationError("cannot use --output \(output): \(error.reason)")
            }
            let configuration = PipelineConfiguration(
                inputs: input, output: output, jobs: jobs ?? PipelineConfiguration.defaultJobs,
                chunking: ChunkingOptions(chunkSize: chunkSize << 20, maxLineLength: maxLineLength << 20),
                fields: fields.fieldNames, aggregation: AggregationOptions(cooccurrenceCap: cooccurrenceCap),
                compressionLevel: compressionLevel)
            logger.info("reading \(shards.count) shard(s) with \(configuration.jobs) job(s) into \(output), tagger \(taggerOptions)")
            let summary: RunSummary
            switch tagger {
            case .rules(let tagger):
                summary = try await PipelineRunner(configuration: configuration, logger: logger) { tagger }.run(shards: shards)
            case .model(let tagger):
                summary = try await PipelineRunner(configuration: configuration, logger: logger) { tagger }.run(shards: shards)
            }
            SummaryPrinter.print(summary, output: output, showTop: !quiet)
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        }
    }
}

/// The field-name options shared by commands that read input lines.
struct FieldOptions: ParsableArguments {
    @Option(name: .long, help: "The field holding the article text.")
    var textField: String = "text"
    @Option(name: .long, help: "The field holding the document id.")
    var idField: String = "id"
    @Option(name: .long, help: "The field holding the publication date.")
    var dateField: String = "date"
    @Option(name: .long, help: "The field holding the source name.")
    var sourceField: String = "source"

    var fieldNames: FieldNames { FieldNames(text: textField, id: idField, date: dateField, source: sourceField) }
}

/// A logger writing to standard error at `level`.
func makeLogger(level: String) -> Logger {
    var logger = Logger(label: "lede") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = Logger.Level(rawValue: level) ?? .info
    return logger
}
