import LedeAggregation
import LedeIO

/// The settings of a run as given by one source, a pipeline file or the command
/// line, before defaults: every setting is optional so that one source can be laid
/// over another (``overriding(_:)``), the command line over the file.
///
/// Paths read from a pipeline file are already resolved against the file's
/// directory; paths from the command line are as given, relative to the working
/// directory.
public struct PipelineSettings: Sendable, Equatable {
    /// Which entity tagger a run uses.
    public enum TaggerKind: String, Sendable, CaseIterable {
        /// The trained perceptron (the default).
        case model
        /// The model-free rule tagger.
        case rules
    }

    /// Files, directories or glob patterns to read.
    public var inputs: [String]?
    /// The key of the article text in each input line.
    public var textField: String?
    /// The key of the document identifier.
    public var idField: String?
    /// The key of the publication date.
    public var dateField: String?
    /// The key of the source name.
    public var sourceField: String?
    /// The entity tagger.
    public var tagger: TaggerKind?
    /// The model file of the perceptron tagger.
    public var model: String?
    /// User gazetteer files, whose entries force a label and a canonical name.
    public var gazetteers: [String]?
    /// Entities per document considered for co-occurrence.
    public var cooccurrenceCap: Int?
    /// The output directory.
    public var output: String?
    /// Where the SQLite store goes.
    public var sqlite: String?
    /// Chunks processed at once.
    public var jobs: Int?
    /// Decoded MiB per chunk.
    public var chunkSizeMiB: Int?
    /// The longest line in MiB.
    public var maxLineLengthMiB: Int?
    /// zstd level of the annotated documents.
    public var compressionLevel: Int32?
    /// The largest zstd window a frame of a shard may need, in bytes.
    public var maxZstdWindow: Int?
    /// A checkpoint after every this many chunks of a shard; 0 turns them off.
    public var checkpointChunks: Int?
    /// Whether recorded shards whose files are gone keep their contributions.
    public var keepMissing: Bool?
    /// Whether lines repeating an earlier line's id within a shard are rejected as `duplicate-id`.
    public var dedupeIDs: Bool?
    /// The most entity mentions a document keeps.
    public var maxEntities: Int?

    /// The pipeline file the inputs were read from, for errors that name it.
    public var file: String?
    /// Where each of ``inputs`` stands in ``file``, in the same order; empty when
    /// the inputs came from the command line.
    public var inputLocations: [PipelineFileError.Location] = []

    /// The smallest `jobs`, chunk size and line length: 1.
    public static let minimumCount = 1
    /// The zstd levels the documents may be written at.
    public static let compressionLevels: ClosedRange<Int32> = 1...19

    public init(
        inputs: [String]? = nil, textField: String? = nil, idField: String? = nil, dateField: String? = nil,
        sourceField: String? = nil, tagger: TaggerKind? = nil, model: String? = nil, gazetteers: [String]? = nil,
        cooccurrenceCap: Int? = nil, output: String? = nil, sqlite: String? = nil, jobs: Int? = nil,
        chunkSizeMiB: Int? = nil, maxLineLengthMiB: Int? = nil, compressionLevel: Int32? = nil,
        checkpointChunks: Int? = nil, keepMissing: Bool? = nil, maxZstdWindow: Int? = nil, dedupeIDs: Bool? = nil,
        maxEntities: Int? = nil
    ) {
        self.inputs = inputs
        self.textField = textField
        self.idField = idField
        self.dateField = dateField
        self.sourceField = sourceField
        self.tagger = tagger
        self.model = model
        self.gazetteers = gazetteers
        self.cooccurrenceCap = cooccurrenceCap
        self.output = output
        self.sqlite = sqlite
        self.jobs = jobs
        self.chunkSizeMiB = chunkSizeMiB
        self.maxLineLengthMiB = maxLineLengthMiB
        self.compressionLevel = compressionLevel
        self.checkpointChunks = checkpointChunks
        self.keepMissing = keepMissing
        self.maxZstdWindow = maxZstdWindow
        self.dedupeIDs = dedupeIDs
        self.maxEntities = maxEntities
    }

    /// These settings where given, `base` elsewhere: the command line over a file.
    ///
    /// Lists are replaced whole, not appended to: `--input x` reads only `x`, not
    /// `x` and the file's inputs.
    public func overriding(_ base: PipelineSettings) -> PipelineSettings {
        var merged = PipelineSettings(
            inputs: inputs ?? base.inputs, textField: textField ?? base.textField, idField: idField ?? base.idField,
            dateField: dateField ?? base.dateField, sourceField: sourceField ?? base.sourceField,
            tagger: tagger ?? base.tagger, model: model ?? base.model, gazetteers: gazetteers ?? base.gazetteers,
            cooccurrenceCap: cooccurrenceCap ?? base.cooccurrenceCap, output: output ?? base.output,
            sqlite: sqlite ?? base.sqlite, jobs: jobs ?? base.jobs, chunkSizeMiB: chunkSizeMiB ?? base.chunkSizeMiB,
            maxLineLengthMiB: maxLineLengthMiB ?? base.maxLineLengthMiB,
            compressionLevel: compressionLevel ?? base.compressionLevel,
            checkpointChunks: checkpointChunks ?? base.checkpointChunks, keepMissing: keepMissing ?? base.keepMissing,
            maxZstdWindow: maxZstdWindow ?? base.maxZstdWindow, dedupeIDs: dedupeIDs ?? base.dedupeIDs,
            maxEntities: maxEntities ?? base.maxEntities)
        merged.file = file ?? base.file
        merged.inputLocations = inputs == nil ? base.inputLocations : inputLocations
        return merged
    }

    /// The input's field names, defaults filled in.
    public var fieldNames: FieldNames {
        let defaults = FieldNames()
        return FieldNames(
            text: textField ?? String(decoding: defaults.text, as: UTF8.self),
            id: idField ?? String(decoding: defaults.id, as: UTF8.self),
            date: dateField ?? String(decoding: defaults.date, as: UTF8.self),
            source: sourceField ?? String(decoding: defaults.source, as: UTF8.self))
    }

    /// The shards of ``inputs``.
    ///
    /// An input from a pipeline file that matches nothing is reported at its line.
    public func shards() throws -> [Shard] {
        guard let inputs, !inputs.isEmpty else {
            if let file {
                throw PipelineFileError(
                    file: file, location: nil, key: "inputs.paths",
                    message: "no inputs: list shard files, directories or glob patterns under inputs.paths, or give --input")
            }
            throw DiscoveryError(description: "give at least one --input (a .jsonl.zst file, a directory or a glob)")
        }
        do {
            return try ShardDiscovery.shards(for: inputs)
        } catch {
            guard let file, inputLocations.count == inputs.count else { throw error }
            for (index, input) in inputs.enumerated() {
                do {
                    _ = try ShardDiscovery.shards(for: [input])
                } catch {
                    throw PipelineFileError(
                        file: file, location: inputLocations[index], key: "inputs.paths[\(index)]",
                        message: "\(error) (relative paths in a pipeline file start at the file's directory)")
                }
            }
            throw PipelineFileError(file: file, location: nil, key: "inputs.paths", message: "\(error)")
        }
    }

    /// The run's configuration, defaults filled in.
    public func configuration() throws -> PipelineConfiguration {
        guard let output else {
            if let file {
                throw PipelineFileError(
                    file: file, location: nil, key: "outputs.directory",
                    message: "no output directory: set outputs.directory, or give --output")
            }
            throw DiscoveryError(description: "give --output DIR, the directory the run writes to")
        }
        let chunking = ChunkingOptions()
        return PipelineConfiguration(
            inputs: inputs ?? [], output: output, jobs: jobs ?? PipelineConfiguration.defaultJobs,
            chunking: ChunkingOptions(
                chunkSize: chunkSizeMiB.map { $0 << 20 } ?? chunking.chunkSize,
                maxLineLength: maxLineLengthMiB.map { $0 << 20 } ?? chunking.maxLineLength),
            fields: fieldNames,
            aggregation: cooccurrenceCap.map(AggregationOptions.init(cooccurrenceCap:)) ?? AggregationOptions(),
            compressionLevel: compressionLevel ?? PipelineConfiguration.defaultCompressionLevel,
            checkpointChunks: checkpointChunks, keepMissing: keepMissing ?? false,
            maxZstdWindow: maxZstdWindow ?? ShardByteSource.defaultMaxWindowSize, dedupeIDs: dedupeIDs ?? false,
            maxEntities: maxEntities ?? PipelineConfiguration.defaultMaxEntities)
    }
}
