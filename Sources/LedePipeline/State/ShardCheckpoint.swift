import LedeIO

/// How far a run got through one large shard: `_state/checkpoints/<flat name>/checkpoint.json`.
///
/// zstd streams cannot be entered in the middle, so a resumed run decodes the
/// shard from its start again, but skips the checkpointed chunks without
/// parsing, tagging or counting them (decoding alone runs several times faster
/// than the pipeline), then appends to the documents and rejects written so far.
/// Chunk boundaries depend only on the decoded bytes, the chunk size and the line
/// limit, so the skipped chunks are exactly the ones written.
///
/// What a checkpoint promises: the first ``documentsLength`` bytes of the
/// in-progress documents file (and likewise for the rejects) are durable and hold
/// the first ``chunks`` chunks, and `segments/0 ..< segments` hold their counts.
public struct ShardCheckpoint: Codable, Sendable, Equatable {
    /// The checkpoint format; readers ignore checkpoints of other formats.
    public static let formatVersion = 1

    /// ``formatVersion`` when written.
    public var format: Int
    /// The shard's relative path.
    public var shard: String
    /// The file's status when reading began; a resume needs the same file.
    public var file: FileStatus
    /// When ``file`` was taken (ns since 1970).
    public var statusTime: Int64
    /// The settings the chunks were processed with.
    public var settings: String
    /// Decoded bytes per chunk.
    public var chunkSize: Int
    /// The line length limit.
    public var maxLineLength: Int
    /// Chunks written.
    public var chunks: Int
    /// Segment partials on disk.
    public var segments: Int
    /// Lines, documents and rejects written.
    public var lines: Int
    public var documents: Int
    public var rejects: Int
    /// Decoded bytes of the chunks written.
    public var bytes: Int64
    /// Documents cut at the entity limit; absent (none) in files written before the limit existed.
    public var entityLimitDocuments: Int?
    /// Rejects so far, by reason.
    public var rejectsByReason: [String: Int]
    /// Durable bytes of the in-progress documents file.
    public var documentsLength: Int64
    /// Durable bytes of the in-progress rejected lines; 0 when there are none.
    public var rejectedLinesLength: Int64
    /// Durable bytes of the in-progress reject reasons; 0 when there are none.
    public var rejectReasonsLength: Int64

    public init(
        shard: String, file: FileStatus, statusTime: Int64, settings: String, chunkSize: Int, maxLineLength: Int,
        chunks: Int, segments: Int, lines: Int, documents: Int, rejects: Int, bytes: Int64,
        rejectsByReason: [String: Int], documentsLength: Int64, rejectedLinesLength: Int64, rejectReasonsLength: Int64,
        entityLimitDocuments: Int? = nil
    ) {
        format = Self.formatVersion
        self.shard = shard
        self.file = file
        self.statusTime = statusTime
        self.settings = settings
        self.chunkSize = chunkSize
        self.maxLineLength = maxLineLength
        self.chunks = chunks
        self.segments = segments
        self.lines = lines
        self.documents = documents
        self.rejects = rejects
        self.bytes = bytes
        self.rejectsByReason = rejectsByReason
        self.documentsLength = documentsLength
        self.rejectedLinesLength = rejectedLinesLength
        self.rejectReasonsLength = rejectReasonsLength
        self.entityLimitDocuments = entityLimitDocuments
    }
}
