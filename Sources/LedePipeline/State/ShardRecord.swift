import LedeIO

/// What the output directory knows about one shard that a run finished:
/// `_state/shards/<flat name>.json`, one small file per shard, replaced atomically.
///
/// A record is written only after the shard's documents, rejects and partial are
/// in place, so a record that says `done` always describes outputs that exist.
/// One file per shard (not one manifest) lets runs that share an output
/// directory write their shards' records without rewriting each other's.
public struct ShardRecord: Codable, Sendable, Equatable {
    /// How far a shard got.
    public enum Status: String, Codable, Sendable {
        /// Read to its end.
        case done
        /// Its stream failed part-way; the lines before the fault are counted.
        case failed
    }

    /// The record format; readers ignore records of other formats.
    public static let formatVersion = 1

    /// ``formatVersion`` when written.
    public var format: Int
    /// The shard's path relative to its input root: its identity across runs.
    public var shard: String
    /// The absolute path it was read from.
    public var source: String
    /// The file's status when reading began.
    public var file: FileStatus
    /// When ``file`` was taken (ns since 1970): a file changed within a few
    /// seconds of it cannot be trusted to show the change in its status.
    public var statusTime: Int64
    /// `xxh64:<16 hex digits>` of the file's bytes as read, or `nil` when they
    /// could not all be read.
    public var fingerprint: String?
    /// The run settings that shape the shard's outputs (``PipelineConfiguration/settings``).
    public var settings: String
    /// Done or failed.
    public var status: Status
    /// Why a failed shard stopped.
    public var failure: String?
    /// Where it stopped, in bytes of the file.
    public var failureOffset: Int64?
    /// Lines read.
    public var lines: Int
    /// Documents written.
    public var documents: Int
    /// Lines rejected.
    public var rejects: Int
    /// Lines rejected, by reason.
    public var rejectsByReason: [String: Int]
    /// Decoded bytes read.
    public var bytes: Int64
    /// Documents cut at the entity limit; absent (none) in files written before the limit existed.
    public var entityLimitDocuments: Int?
    /// When the shard was finished (ns since 1970).
    public var finished: Int64

    public init(
        shard: String, source: String, file: FileStatus, statusTime: Int64, fingerprint: String?, settings: String,
        status: Status, failure: String? = nil, failureOffset: Int64? = nil, lines: Int, documents: Int, rejects: Int,
        rejectsByReason: [String: Int], bytes: Int64, finished: Int64, entityLimitDocuments: Int? = nil
    ) {
        format = Self.formatVersion
        self.shard = shard
        self.source = source
        self.file = file
        self.statusTime = statusTime
        self.fingerprint = fingerprint
        self.settings = settings
        self.status = status
        self.failure = failure
        self.failureOffset = failureOffset
        self.lines = lines
        self.documents = documents
        self.rejects = rejects
        self.rejectsByReason = rejectsByReason
        self.bytes = bytes
        self.finished = finished
        self.entityLimitDocuments = entityLimitDocuments
    }

    /// A fingerprint as records spell it.
    public static func fingerprint(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return "xxh64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The fingerprint of the file at `path` now, hashing all its bytes.
    public static func fingerprint(ofFile path: String) throws(SystemError) -> String {
        fingerprint(try XXH64.hash(file: path))
    }

    /// The shard as discovery would name it, for output paths.
    public var asShard: Shard { Shard(path: source, relativePath: shard) }
}
