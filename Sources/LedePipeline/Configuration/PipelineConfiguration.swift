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
    /// Whether and where the SQLite store is rebuilt after the merge.
    public var store: StoreOutput

    public init(
        inputs: [String],
        output: String,
        jobs: Int = PipelineConfiguration.defaultJobs,
        chunking: ChunkingOptions = ChunkingOptions(),
        fields: FieldNames = FieldNames(),
        aggregation: AggregationOptions = AggregationOptions(),
        compressionLevel: Int32 = PipelineConfiguration.defaultCompressionLevel,
        chunksInFlight: Int? = nil,
        store: StoreOutput = StoreOutput()
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
    }

    /// zstd level of the annotated documents when none is given.
    public static let defaultCompressionLevel: Int32 = 1

    /// The number of cores this process may use.
    public static var defaultJobs: Int { max(1, SystemInfo.activeProcessorCount) }
}
