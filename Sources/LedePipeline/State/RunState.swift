import Foundation
import LedeAggregation
import LedeIO
import LedeStore
import Logging

/// Reads and writes the run state under `<out>/_state/`: shard records,
/// checkpoints and the last run's inputs.
///
/// Every file is replaced atomically. Writers hold the directory's ``RunLock``;
/// readers (`lede status`) need no lock, because they only ever see whole files.
public struct RunState: Sendable {
    /// The output directory's layout.
    public let layout: OutputLayout

    public init(layout: OutputLayout) {
        self.layout = layout
    }

    /// Every shard record, by relative path.
    ///
    /// A file that is not a record of this format is skipped with a warning to
    /// `logger` and listed in `unreadable` (for the caller to remove); its shard
    /// is then treated as never processed.
    public func records(logger: Logger? = nil) throws -> (records: [String: ShardRecord], unreadable: [String]) {
        guard FileSystem.isDirectory(layout.recordsDirectory) else { return ([:], []) }
        var records: [String: ShardRecord] = [:]
        var unreadable: [String] = []
        for name in try FileSystem.contentsOfDirectory(layout.recordsDirectory)
        where !name.hasPrefix(".") && name.hasSuffix(".json") {
            let path = Path.join(layout.recordsDirectory, name)
            if let record = try? Self.decode(ShardRecord.self, from: path), record.format == ShardRecord.formatVersion,
                layout.recordPath(forRelativePath: record.shard) == path
            {
                records[record.shard] = record
            } else {
                logger?.warning("ignoring \(path): not a shard record of this version of lede")
                unreadable.append(path)
            }
        }
        return (records, unreadable)
    }

    /// Writes a shard's record, replacing the previous one.
    public func write(_ record: ShardRecord) throws {
        try AtomicFile.write(try Self.encode(record), to: layout.recordPath(forRelativePath: record.shard))
    }

    /// The checkpoint of a shard, when there is a readable one.
    public func checkpoint(forRelativePath relativePath: String) -> ShardCheckpoint? {
        let path = Path.join(layout.checkpointDirectory(forRelativePath: relativePath), "checkpoint.json")
        guard let checkpoint = try? Self.decode(ShardCheckpoint.self, from: path),
            checkpoint.format == ShardCheckpoint.formatVersion, checkpoint.shard == relativePath
        else { return nil }
        return checkpoint
    }

    /// Writes a shard's checkpoint, replacing the previous one.
    func write(_ checkpoint: ShardCheckpoint) throws {
        let path = Path.join(layout.checkpointDirectory(forRelativePath: checkpoint.shard), "checkpoint.json")
        try AtomicFile.write(try Self.encode(checkpoint), to: path)
    }

    /// The partial of a checkpointed shard's segment `number`.
    func segmentPath(forRelativePath relativePath: String, number: Int) -> String {
        Path.join(Path.join(layout.checkpointDirectory(forRelativePath: relativePath), "segments"), String(number))
    }

    /// Removes a shard's checkpoint and its in-progress files.
    func removeCheckpoint(forRelativePath relativePath: String) throws {
        for path in inProgressPaths(forRelativePath: relativePath) { try FileSystem.removeFile(path) }
        try FileSystem.removeTree(layout.checkpointDirectory(forRelativePath: relativePath))
    }

    /// Removes everything a shard contributed, its record last: a crash part-way
    /// leaves the record, and the next run removes the rest again.
    func removeShard(_ relativePath: String) throws {
        let shard = Shard(path: "", relativePath: relativePath)
        try FileSystem.removeTree(layout.partialPath(forRelativePath: relativePath))
        for path in [layout.documentsPath(for: shard), layout.rejectedLinesPath(for: shard), layout.rejectReasonsPath(for: shard)] {
            try FileSystem.removeFile(path)
        }
        try removeCheckpoint(forRelativePath: relativePath)
        try FileSystem.removeFile(layout.recordPath(forRelativePath: relativePath))
    }

    /// Removes what killed runs left behind and what no record vouches for:
    /// partials of shards without a record (or of records just removed), spill
    /// files, checkpoints of shards that are neither among the inputs nor
    /// recorded, and unfinished writes that no remaining checkpoint vouches for.
    /// Safe only under the directory's lock.
    ///
    /// - Parameters:
    ///   - records: Relative paths of the shards whose records stay.
    ///   - inputs: Relative paths of this run's shards.
    func removeLeftovers(keeping records: Set<String>, inputs: Set<String>) throws {
        let partialNames = Set(records.map(OutputLayout.flatName))
        for name in try entries(of: layout.partialsDirectory) where name.hasPrefix(".") || !partialNames.contains(name) {
            try FileSystem.removeTree(Path.join(layout.partialsDirectory, name))
        }
        for name in try entries(of: layout.recordsDirectory) where name.hasPrefix(".") {
            try FileSystem.removeTree(Path.join(layout.recordsDirectory, name))
        }
        // Under the exclusive lock no task run holds a claim or spills, so both go.
        for directory in [layout.temporaryDirectory, layout.claimsDirectory] {
            for name in try entries(of: directory) { try FileSystem.removeTree(Path.join(directory, name)) }
        }
        var resumable = Set<String>()
        for name in try entries(of: layout.checkpointsDirectory) {
            let path = Path.join(layout.checkpointsDirectory, name)
            let checkpoint = name.hasPrefix(".") ? nil : try? Self.decode(ShardCheckpoint.self, from: Path.join(path, "checkpoint.json"))
            if let checkpoint, inputs.contains(checkpoint.shard) || records.contains(checkpoint.shard) {
                resumable.formUnion(inProgressPaths(forRelativePath: checkpoint.shard))
            } else {
                try FileSystem.removeTree(path)
            }
        }
        for directory in [layout.documentsDirectory, layout.rejectsDirectory] where FileSystem.isDirectory(directory) {
            for path in try FileSystem.regularFiles(under: directory) where !resumable.contains(path) {
                let name = Path.lastComponent(of: path)
                if name.hasPrefix(".") && (name.hasSuffix(".inprogress") || name.contains(".tmp-")) {
                    try FileSystem.removeFile(path)
                }
            }
        }
    }

    /// Where a shard's documents and rejects grow until they are complete.
    private func inProgressPaths(forRelativePath relativePath: String) -> [String] {
        let shard = Shard(path: "", relativePath: relativePath)
        return [layout.documentsPath(for: shard), layout.rejectedLinesPath(for: shard), layout.rejectReasonsPath(for: shard)]
            .map(OutputLayout.inProgressPath(of:))
    }

    private func entries(of directory: String) throws -> [String] {
        FileSystem.isDirectory(directory) ? try FileSystem.contentsOfDirectory(directory) : []
    }

    /// The partials of every recorded shard, in order of their relative paths,
    /// the failures the records keep, and the records.
    ///
    /// Only recorded shards count: a partial without a record is a leftover of a
    /// killed run, which the next run removes or replaces. A recorded shard whose
    /// partial is missing is left out with a warning to `logger`.
    public func recordedPartials(logger: Logger? = nil) throws
        -> (partials: [String], failures: [ShardFailure], records: [ShardRecord])
    {
        var partials: [String] = []
        var failures: [ShardFailure] = []
        var kept: [ShardRecord] = []
        for (shard, record) in try records(logger: logger).records.sorted(by: { $0.key < $1.key }) {
            let path = layout.partialPath(forRelativePath: shard)
            if FileSystem.isDirectory(path) {
                partials.append(path)
                kept.append(record)
                if record.status == .failed { failures.append(ShardFailure(record)) }
            } else {
                logger?.warning("\(shard) is recorded but its partial \(path) is missing: rerun `lede run` to redo it")
            }
        }
        return (partials, failures, kept)
    }

    /// Rebuilds `aggregates/` from the partials of every recorded shard and swaps
    /// it in at once (``LedeAggregation/PartialMerger/replaceTables(partials:aggregatesDirectory:fanIn:durable:pairParts:runJobs:)``),
    /// then rebuilds the SQLite store from the same partials, with the failures
    /// the records keep and each shard file's size, modification time and fingerprint.
    ///
    /// A process killed while the store is built leaves the previous store in
    /// place: it is built under a temporary name and renamed over the old one.
    ///
    /// - Parameters:
    ///   - store: Whether and where the store is rebuilt.
    ///   - jobs: The most tables merged at once, and the parts the co-occurrence
    ///     table is merged in when the tables' merge has the cores to itself and
    ///     the parts pay (``LedeAggregation/PartialMerger/pairParts(for:jobs:)``).
    /// - Returns: The tables' row counts, and what went into the store (`nil`
    ///   when it is disabled).
    public func mergeTables(store: StoreOutput, jobs: Int = 1, logger: Logger? = nil) throws
        -> (tables: MergeSummary, store: StoreBuildSummary?)
    {
        let recorded = try recordedPartials(logger: logger)
        // Gone while the outputs change, so that it never vouches for half-built ones.
        try FileSystem.removeFile(layout.mergeRecordPath)
        let merged = try mergeTables(recorded, store: store, jobs: jobs)
        let record = try mergeRecord(recorded, store: store)
        try AtomicFile.write(try Self.encode(record), to: layout.mergeRecordPath)
        return merged
    }

    /// The number of partials that `aggregates/` and the store (when `store` is
    /// enabled) were merged from, when they are what ``mergeTables(store:jobs:logger:)``
    /// would build from the recorded shards now: the last merge's ``MergeRecord``
    /// matches their records, and every table file and the store are there.
    ///
    /// - Returns: `nil` when a merge is needed.
    public func mergedPartialsIfCurrent(store: StoreOutput) -> Int? {
        guard let saved = try? Self.decode(MergeRecord.self, from: layout.mergeRecordPath),
            let current = try? mergeRecord(recordedPartials(), store: store), saved == current
        else { return nil }
        guard PartialMerger.tableFiles.allSatisfy({ FileSystem.exists(Path.join(layout.aggregatesDirectory, $0)) }),
            current.store.map(FileSystem.exists) ?? true
        else { return nil }
        return current.partials
    }

    /// What merging `recorded` with `store` builds from.
    private func mergeRecord(
        _ recorded: (partials: [String], failures: [ShardFailure], records: [ShardRecord]), store: StoreOutput
    ) throws -> MergeRecord {
        var hash = XXH64()
        for record in recorded.records {
            // A run refreshes these when a file's status changes but not its content
            // (a `touch`, a copy); the outputs do not depend on them.
            var outputsDependOn = record
            outputsDependOn.statusTime = 0
            outputsDependOn.file.changed = 0
            outputsDependOn.file.inode = 0
            outputsDependOn.file.device = 0
            try Self.encode(outputsDependOn).withUnsafeBytes { hash.update($0) }
        }
        // A partial is replaced as a whole directory: one put in place without its
        // record (by hand, or by a run killed in between) has another inode.
        for partial in recorded.partials {
            let status = try FileStatus.of(partial)
            withUnsafeBytes(of: (status.inode, status.modified)) { hash.update($0) }
        }
        return MergeRecord(
            records: ShardRecord.fingerprint(hash.digest()), partials: recorded.partials.count,
            store: store.enabled ? FileSystem.absolutePath(store.path(in: layout)) : nil)
    }

    private func mergeTables(
        _ recorded: (partials: [String], failures: [ShardFailure], records: [ShardRecord]), store: StoreOutput, jobs: Int
    ) throws -> (tables: MergeSummary, store: StoreBuildSummary?) {
        let layout = layout
        let mergeTables: @Sendable (_ pairParts: Int) throws -> MergeSummary = { pairParts in
            try PartialMerger.replaceTables(
                partials: recorded.partials, aggregatesDirectory: layout.aggregatesDirectory, pairParts: pairParts,
                runJobs: { try ParallelJobs.run($0, width: jobs) })
        }
        let stageStore: @Sendable () throws -> StagedStore? = {
            try store.stage(
                layout: layout, partials: recorded.partials, failures: recorded.failures, records: recorded.records)
        }
        // A store given a path inside `aggregates/` would be built in the directory
        // that the tables' merge replaces: then it is built after the merge.
        let storeBesideTables =
            !FileSystem.absolutePath(store.path(in: layout)).hasPrefix(
                FileSystem.absolutePath(layout.aggregatesDirectory) + "/")
        guard jobs > 1, store.enabled, storeBesideTables else {
            let tables = try mergeTables(PartialMerger.pairParts(for: recorded.partials, jobs: jobs))
            return (tables, try stageStore()?.commit())
        }
        // The store's build takes longest (one SQLite connection, so one core) and the
        // tables' merge fits beside it: both only read the partials. The store goes
        // into place only after the tables did, as when they run one after the other.
        // The co-occurrence table is then merged in one part: cutting it would
        // only add the copy that joins the parts' pieces.
        let (tables, staged) = try ParallelJobs.both({ try mergeTables(1) }, stageStore)
        return (tables, try staged?.commit())
    }

    /// Shards of the last run's inputs (``runRecord()``) that no record says are
    /// finished (done or failed) with the run's settings, by relative path: what
    /// task runs still have to do before `lede merge` gives the whole run's tables.
    /// Empty when no run is recorded.
    ///
    /// - Throws: ``DiscoveryError`` when the recorded inputs no longer match any shard.
    public func unfinishedShards(logger: Logger? = nil) throws -> [String] {
        guard let run = runRecord() else { return [] }
        let records = try records(logger: logger).records
        return try ShardDiscovery.shards(for: run.inputs).map(\.relativePath).filter { shard in
            records[shard].map { $0.settings != run.settings } ?? true
        }.sorted()
    }

    /// Notes in `run.json` that the run's tables were merged now.
    public func markCompleted() throws {
        guard var record = runRecord() else { return }
        record.completed = FileStatus.now
        try write(record)
    }

    /// The last run's inputs and settings.
    public func runRecord() -> RunRecord? {
        try? Self.decode(RunRecord.self, from: layout.runRecordPath)
    }

    /// Records this run's inputs and settings.
    func write(_ record: RunRecord) throws {
        try AtomicFile.write(try Self.encode(record), to: layout.runRecordPath)
    }

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }

    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
