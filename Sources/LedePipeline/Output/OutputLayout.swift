import LedeIO

/// Where a run writes each of its files, as laid out in DESIGN.md.
public struct OutputLayout: Sendable {
    /// The output directory.
    public var root: String

    public init(root: String) { self.root = root }

    /// `<out>/documents`.
    public var documentsDirectory: String { Path.join(root, "documents") }
    /// `<out>/rejects`.
    public var rejectsDirectory: String { Path.join(root, "rejects") }
    /// `<out>/aggregates`.
    public var aggregatesDirectory: String { Path.join(root, "aggregates") }
    /// `<out>/_state`.
    public var stateDirectory: String { Path.join(root, "_state") }
    /// `<out>/_state/partials`.
    public var partialsDirectory: String { Path.join(stateDirectory, "partials") }
    /// `<out>/_state/tmp`: spill files of overlong lines.
    public var temporaryDirectory: String { Path.join(stateDirectory, "tmp") }
    /// `<out>/lede.sqlite`: the SQLite store of the aggregates.
    public var storePath: String { Path.join(root, "lede.sqlite") }
    /// `<out>/_state/shards`: one ``ShardRecord`` per finished shard.
    public var recordsDirectory: String { Path.join(stateDirectory, "shards") }
    /// `<out>/_state/checkpoints`: one directory per shard checkpointed part-way.
    public var checkpointsDirectory: String { Path.join(stateDirectory, "checkpoints") }
    /// `<out>/_state/lock`: held by the run that owns the directory.
    public var lockPath: String { Path.join(stateDirectory, "lock") }
    /// `<out>/_state/run.json`: the last run's inputs and settings (``RunRecord``).
    public var runRecordPath: String { Path.join(stateDirectory, "run.json") }
    /// What the tables and the store were last merged from (``MergeRecord``).
    var mergeRecordPath: String { Path.join(stateDirectory, "merged.json") }

    /// The annotated documents of a shard: always zstd-compressed.
    public func documentsPath(for shard: Shard) -> String {
        Path.join(documentsDirectory, shard.stem + ".jsonl.zst")
    }

    /// The rejected lines of a shard, byte for byte, one per line.
    public func rejectedLinesPath(for shard: Shard) -> String {
        Path.join(rejectsDirectory, shard.stem + ".jsonl")
    }

    /// Why each line of ``rejectedLinesPath(for:)`` was rejected, in the same order.
    public func rejectReasonsPath(for shard: Shard) -> String {
        Path.join(rejectsDirectory, shard.stem + ".reasons.jsonl")
    }

    /// The partial aggregate of a shard: a flat name, so that partials list in one directory.
    public func partialPath(for shard: Shard) -> String {
        partialPath(forRelativePath: shard.relativePath)
    }

    /// The partial aggregate of the shard with this relative path.
    public func partialPath(forRelativePath relativePath: String) -> String {
        Path.join(partialsDirectory, OutputLayout.flatName(relativePath))
    }

    /// The ``ShardRecord`` of the shard with this relative path.
    public func recordPath(forRelativePath relativePath: String) -> String {
        Path.join(recordsDirectory, OutputLayout.flatName(relativePath) + ".json")
    }

    /// Where task runs claim shards: one lock file per shard being processed.
    public var claimsDirectory: String { Path.join(stateDirectory, "claims") }

    /// The claim (a ``LedeIO/FileLock``) of the shard with this relative path.
    public func claimPath(forRelativePath relativePath: String) -> String {
        Path.join(claimsDirectory, OutputLayout.flatName(relativePath) + ".lock")
    }

    /// The checkpoint directory of the shard with this relative path: its
    /// ``ShardCheckpoint`` (`checkpoint.json`) and the partials of its finished
    /// segments (`segments/<n>`).
    public func checkpointDirectory(forRelativePath relativePath: String) -> String {
        Path.join(checkpointsDirectory, OutputLayout.flatName(relativePath))
    }

    /// Where the new version of an output file grows until it is renamed into
    /// place: `.<name>.inprogress` beside it, a fixed name so that a resumed run
    /// finds what a checkpoint made durable.
    public static func inProgressPath(of path: String) -> String {
        Path.join(Path.directory(of: path), "." + Path.lastComponent(of: path) + ".inprogress")
    }

    /// Encodes a relative path as one file name (`/` → `%2F`, `%` → `%25`), reversibly.
    public static func flatName(_ relativePath: String) -> String {
        var name = ""
        for character in relativePath {
            switch character {
            case "%": name += "%25"
            case "/": name += "%2F"
            default: name.append(character)
            }
        }
        return name
    }

    /// The relative path that ``flatName(_:)`` encoded.
    public static func relativePath(fromFlatName name: String) -> String {
        // Every `%` of a flat name starts `%25` or `%2F`, so one left-to-right pass decodes it.
        var path = ""
        var rest = name[...]
        while let percent = rest.firstIndex(of: "%") {
            path += rest[..<percent]
            let code = rest[percent...].prefix(3)
            path += code == "%2F" ? "/" : code == "%25" ? "%" : String(code)
            rest = rest[code.endIndex...]
        }
        return path + rest
    }
}
