/// Corpus counters that travel with every partial and sum when partials merge.
///
/// For each shard the pipeline's invariant is `lines == documents + rejects`.
public struct AggregateStats: Sendable, Equatable {
    /// Documents aggregated (accepted input lines).
    public var documents: Int
    /// Input lines read.
    public var lines: Int
    /// Bytes of the accepted input lines, newlines included.
    public var bytes: Int
    /// Tokens of the accepted documents.
    public var tokens: Int
    /// Entity mentions.
    public var mentions: Int
    /// Documents without a date that starts with a valid `YYYY-MM-DD`.
    public var undated: Int
    /// Shards processed.
    public var shards: Int
    /// Shards that failed as a whole.
    public var failedShards: Int
    /// Documents with more entity mentions than the run's limit, cut to its first ones.
    public var entityLimitDocuments: Int
    /// Rejected lines by reason.
    public var rejects: [String: Int]
    /// Documents by source; documents with a missing or empty source are not listed.
    public var sources: [String: Int]

    /// Makes stats; every counter defaults to zero.
    public init(
        documents: Int = 0, lines: Int = 0, bytes: Int = 0, tokens: Int = 0, mentions: Int = 0,
        undated: Int = 0, shards: Int = 0, failedShards: Int = 0, entityLimitDocuments: Int = 0,
        rejects: [String: Int] = [:], sources: [String: Int] = [:]
    ) {
        self.documents = documents
        self.lines = lines
        self.bytes = bytes
        self.tokens = tokens
        self.mentions = mentions
        self.undated = undated
        self.shards = shards
        self.failedShards = failedShards
        self.entityLimitDocuments = entityLimitDocuments
        self.rejects = rejects
        self.sources = sources
    }

    /// Adds another set of stats to this one, counter by counter.
    ///
    /// - Parameter other: The stats to add.
    public mutating func add(_ other: AggregateStats) {
        documents += other.documents
        lines += other.lines
        bytes += other.bytes
        tokens += other.tokens
        mentions += other.mentions
        undated += other.undated
        shards += other.shards
        failedShards += other.failedShards
        entityLimitDocuments += other.entityLimitDocuments
        rejects.merge(other.rejects, uniquingKeysWith: +)
        sources.merge(other.sources, uniquingKeysWith: +)
    }

    /// The counters with their names in files (`failed_shards`, not `failedShards`), sorted by name.
    var namedCounters: [(name: String, value: Int)] {
        [
            ("bytes", bytes), ("documents", documents), ("entity_limit_documents", entityLimitDocuments),
            ("failed_shards", failedShards), ("lines", lines),
            ("mentions", mentions), ("shards", shards), ("tokens", tokens), ("undated", undated),
        ]
    }

    /// Sets the counter called `name` in files; returns `false` for an unknown name.
    mutating func setCounter(named name: String, to value: Int) -> Bool {
        switch name {
        case "bytes": bytes = value
        case "documents": documents = value
        case "entity_limit_documents": entityLimitDocuments = value
        case "failed_shards": failedShards = value
        case "lines": lines = value
        case "mentions": mentions = value
        case "shards": shards = value
        case "tokens": tokens = value
        case "undated": undated = value
        default: return false
        }
        return true
    }
}
