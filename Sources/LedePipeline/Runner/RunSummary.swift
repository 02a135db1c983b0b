import LedeAggregation
import LedeStore

/// A shard that could not be read to its end.
public struct ShardFailure: Sendable, Equatable {
    /// The shard's relative path.
    public var shard: String
    /// What went wrong, with the byte offset.
    public var reason: String

    public init(shard: String, reason: String) {
        self.shard = shard
        self.reason = reason
    }

    /// The failure a record keeps.
    init(_ record: ShardRecord) {
        shard = record.shard
        reason = "\(record.source): \(record.failure ?? "failed") at byte \(record.failureOffset ?? 0)"
    }
}

/// What a run did, for the end-of-run summary and for scripts.
public struct RunSummary: Sendable {
    /// Shards processed in this run.
    public var shards = 0
    /// Shards of the inputs never finished before.
    public var newShards = 0
    /// Shards finished before whose file or settings changed since.
    public var changedShards = 0
    /// Shards finished before and left as they were.
    public var unchangedShards = 0
    /// Shards resumed from a checkpoint.
    public var resumedShards = 0
    /// Shards finished by runs that were stopped before they completed, since
    /// the last run that did; their lines, documents and rejects count in this
    /// summary.
    public var interruptedShards = 0
    /// Checkpointed chunks decoded and skipped by resumed shards.
    public var chunksSkipped = 0
    /// Checkpoints written.
    public var checkpointsWritten = 0
    /// Shard partials written.
    public var partialsWritten = 0
    /// Partials merged into the tables (or that they were merged from, when ``outputsUpToDate``).
    public var partialsMerged = 0
    /// Whether the tables and the store were already those of the recorded shards,
    /// so that the run left them as they were.
    public var outputsUpToDate = false
    /// The most mentioned entities of the merged tables, best first; empty when
    /// the run did not merge (a task run).
    public var topEntities: [EntityRow] = []
    /// Recorded shards whose files are gone, removed with their contributions.
    public var missingRemoved: [String] = []
    /// Recorded shards whose files are gone, kept (`--keep-missing`).
    public var missingKept: [String] = []
    /// Recorded shards that are not among this run's inputs but still exist; kept.
    public var otherInputs = 0
    /// For a task run, its slice; `nil` for a run over all its inputs.
    public var slice: ShardSlice?
    /// Shards of a task run's slice skipped because another live process holds
    /// their claims (``ShardClaim``), each with the holder's note.
    public var claimedElsewhere: [(shard: String, holder: String)] = []
    /// Shards that failed part-way in this run (their documents up to the fault are kept).
    public var failures: [ShardFailure] = []
    /// Shards that failed in an earlier run and are unchanged since.
    public var earlierFailures: [ShardFailure] = []
    /// Lines of the shards processed in this run (counting lines before a
    /// checkpoint) and of the ``interruptedShards``.
    public var lines = 0
    /// Documents of the same shards.
    public var documents = 0
    /// Lines rejected in the same shards, by reason code.
    public var rejectsByReason: [String: Int] = [:]
    /// Documents of the same shards whose mentions were cut at the entity limit
    /// (``PipelineConfiguration/maxEntities``); they are written all the same.
    public var entityLimitDocuments = 0
    /// Decoded JSONL bytes read in this run (not counting skipped chunks).
    public var bytes: Int64 = 0
    /// Wall-clock seconds.
    public var seconds: Double = 0
    /// Peak resident memory of the process in bytes.
    public var peakResidentBytes = 0
    /// What went into the SQLite store, or `nil` when it was not built.
    public var store: StoreBuildSummary?

    public init() {}

    /// All rejected lines.
    public var rejects: Int { rejectsByReason.values.reduce(0, +) }

    /// Decoded megabytes (10⁶ bytes) per second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }

    /// The process exit code that DESIGN.md assigns: 0 clean, 1 when this run
    /// rejected lines or some shard of the output is failed (from this run or an
    /// earlier one: a failed shard stays failed until its file changes).
    public var exitCode: Int32 { failures.isEmpty && earlierFailures.isEmpty && rejects == 0 ? 0 : 1 }
}
