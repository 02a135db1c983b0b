/// What a worker made of one chunk, ready for the shard's in-order writer.
public struct ChunkResult: Sendable {
    /// The chunk's position in its shard.
    public var index: Int
    /// The annotated documents, as one independent zstd frame.
    public var documentsFrame: [UInt8]
    /// Rejected lines, byte for byte, each followed by `\n`.
    public var rejectedLines: [UInt8]
    /// One JSON line per rejected line, saying where it was and why.
    public var rejectReasons: [UInt8]
    /// Lines read.
    public var lines: Int
    /// Documents written.
    public var documents: Int
    /// Lines rejected, by reason code.
    public var rejectsByReason: [String: Int]
    /// Decoded bytes of the chunk.
    public var bytes: Int64
    /// Documents whose mentions were cut at the entity limit.
    public var entityLimitDocuments: Int

    /// Lines rejected.
    public var rejects: Int { rejectsByReason.values.reduce(0, +) }

    public init(
        index: Int, documentsFrame: [UInt8] = [], rejectedLines: [UInt8] = [], rejectReasons: [UInt8] = [],
        lines: Int, documents: Int, rejectsByReason: [String: Int], bytes: Int64, entityLimitDocuments: Int = 0
    ) {
        self.index = index
        self.documentsFrame = documentsFrame
        self.rejectedLines = rejectedLines
        self.rejectReasons = rejectReasons
        self.lines = lines
        self.documents = documents
        self.rejectsByReason = rejectsByReason
        self.bytes = bytes
        self.entityLimitDocuments = entityLimitDocuments
    }
}
