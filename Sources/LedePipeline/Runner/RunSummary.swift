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
}

/// What a run did, for the end-of-run summary and for scripts.
public struct RunSummary: Sendable {
    /// Shards processed in this run.
    public var shards = 0
    /// Shards that failed part-way (their documents up to the fault are kept).
    public var failures: [ShardFailure] = []
    /// Lines read.
    public var lines = 0
    /// Documents written.
    public var documents = 0
    /// Lines rejected, by reason code.
    public var rejectsByReason: [String: Int] = [:]
    /// Decoded JSONL bytes read.
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

    /// The process exit code that DESIGN.md assigns: 0 clean, 1 with rejects or failed shards.
    public var exitCode: Int32 { failures.isEmpty && rejects == 0 ? 0 : 1 }
}
