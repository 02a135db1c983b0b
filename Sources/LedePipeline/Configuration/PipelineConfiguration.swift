import LedeAggregation
import LedeIO

/// Everything a run needs to know, resolved from the command line.
public struct PipelineConfiguration: Sendable {
    /// Files, directories or glob patterns to read.
    public var inputs: [String]
    /// The output directory.
    public var output: String
    /// Chunks processed at once.
    public var jobs: Int
    /// How shards are cut into chunks, and the line length limit.
    public var chunking: ChunkingOptions
    /// The input's field names.
    public var fields: FieldNames
    /// Aggregation options (co-occurrence cap).
    public var aggregation: AggregationOptions
    /// zstd level of the annotated documents.
    public var compressionLevel: Int32
    /// Chunks read but not yet written, across all shards; bounds memory.
    public var chunksInFlight: Int
    /// Whether and where the SQLite store is rebuilt after the merge; not part
    /// of ``settings``: the store is rebuilt from the partials, whatever it was.
    public var store: StoreOutput
    /// What identifies the tagger and its data (the model file's fingerprint,
    /// say): part of ``settings``.
    public var taggerIdentity: String
    /// A checkpoint after every this many chunks of a shard; 0 turns them off.
    public var checkpointChunks: Int
    /// Whether recorded shards whose files are gone keep their contributions.
    public var keepMissing: Bool
    /// The largest zstd window a frame may need, in bytes: a frame that needs more
    /// fails its shard at the frame's start, before libzstd allocates its window.
    public var maxZstdWindow: Int
    /// Whether a line whose id an earlier line of the same shard had becomes a
    /// `duplicate-id` reject (``DuplicateIDFilter``).
    public var dedupeIDs: Bool
    /// The most entity mentions a document keeps: the first ones in document
    /// order; a document with more is cut and counted.
    public var maxEntities: Int
    /// Where the Prometheus metrics go (``RunMetrics``), rewritten every 30
    /// seconds during the run; `nil` for none.
    public var metricsPath: String? = nil

    public init(
        inputs: [String],
        output: String,
        jobs: Int = PipelineConfiguration.defaultJobs,
        chunking: ChunkingOptions = ChunkingOptions(),
        fields: FieldNames = FieldNames(),
        aggregation: AggregationOptions = AggregationOptions(),
        compressionLevel: Int32 = PipelineConfiguration.defaultCompressionLevel,
        chunksInFlight: Int? = nil,
        store: StoreOutput = StoreOutput(),
        taggerIdentity: String = "",
        checkpointChunks: Int? = nil,
        keepMissing: Bool = false,
        maxZstdWindow: Int = ShardByteSource.defaultMaxWindowSize,
        dedupeIDs: Bool = false,
        maxEntities: Int = PipelineConfiguration.defaultMaxEntities
    ) {
        self.inputs = inputs
        self.output = output
        self.jobs = max(1, jobs)
        self.chunking = chunking
        self.fields = fields
        self.aggregation = aggregation
        self.compressionLevel = compressionLevel
        self.chunksInFlight = max(chunksInFlight ?? (2 * max(1, jobs) + 2), max(1, jobs) + 1)
        self.store = store
        self.taggerIdentity = taggerIdentity
        self.checkpointChunks = max(0, checkpointChunks ?? Self.defaultCheckpointChunks(chunkSize: chunking.chunkSize))
        self.keepMissing = keepMissing
        self.maxZstdWindow = maxZstdWindow
        self.dedupeIDs = dedupeIDs
        self.maxEntities = max(1, maxEntities)
    }

    /// The most entity mentions per document when no limit is given: far above
    /// what an article names, low enough that a hostile line cannot make a document's entity list, its
    /// co-occurrence work and its output line grow without bound.
    public static let defaultMaxEntities = 10_000

    /// Decoded bytes between two checkpoints of a shard by default.
    public static let checkpointBytes = 256 << 20

    /// Chunks of `chunkSize` bytes in about ``checkpointBytes``: 64 chunks of 4 MiB.
    public static func defaultCheckpointChunks(chunkSize: Int) -> Int {
        max(1, checkpointBytes / max(1, chunkSize))
    }

    /// Everything that shapes a shard's documents and counts, as one line: a
    /// shard finished under other settings is processed again. The chunk size,
    /// jobs and compression level only change how outputs are encoded, not
    /// what they say, and the store is rebuilt from the partials whatever its
    /// options: they are all left out. A window limit other than the default is
    /// in, so that a shard that failed for its window is read again once the
    /// limit is raised; the default is left out, so that records made before the
    /// limit existed still match.
    public var settings: String {
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        let window = maxZstdWindow == ShardByteSource.defaultMaxWindowSize ? "" : "; max-zstd-window=\(maxZstdWindow)"
        return "fields=\(text(fields.text)),\(text(fields.id)),\(text(fields.date)),\(text(fields.source)); "
            + "max-line-length=\(chunking.maxLineLength)\(window); max-entities=\(maxEntities); \(aggregation); tagger=\(taggerIdentity)"
            + (dedupeIDs ? "; dedupe-ids" : "")
    }

    /// zstd level of the annotated documents when none is given.
    public static let defaultCompressionLevel: Int32 = 1

    /// The number of cores this process may use.
    public static var defaultJobs: Int { max(1, SystemInfo.activeProcessorCount) }
}
