import LedeAggregation
import LedeIO

/// What a run has to do with one shard of its inputs, and why.
public struct ShardAssessment: Sendable {
    /// Whether the shard's outputs are current.
    public enum Verdict: Sendable, Equatable {
        /// Finished earlier (done or failed) from the same bytes with the same settings.
        case unchanged
        /// Never finished.
        case new
        /// Finished earlier, but its outputs no longer match it; says why.
        case changed(String)
    }

    /// The shard.
    public var shard: Shard
    /// The verdict.
    public var verdict: Verdict
    /// Its record, when it was finished before.
    public var record: ShardRecord?
    /// For an unchanged shard whose file status moved (a `touch`, a copy of the
    /// same bytes): the record with the new status, so that the next check is quick.
    public var refreshed: ShardRecord?
    /// A checkpoint the shard's processing resumes from.
    public var checkpoint: ShardCheckpoint?

    /// Whether the run processes the shard.
    public var needsProcessing: Bool { verdict != .unchanged }

    /// A file changed less than this long (ns) before its status was taken may
    /// change again without its status showing it (timestamps are coarse: a
    /// jiffy on Linux, a second on some network file systems, two on FAT).
    static let racyWindow: Int64 = 2_000_000_000

    /// Compares a shard with its record and checkpoint.
    ///
    /// Size, modification and change times, inode and device decide alone when
    /// they all match and the record was taken well after the file's last change;
    /// otherwise the file is hashed (XXH64, all bytes) and compared with the
    /// recorded fingerprint, so a corrected shard re-delivered with the same size
    /// and modification time is found, and a mere `touch` costs a read but no
    /// reprocessing.
    ///
    /// - Parameters:
    ///   - shard: A shard of this run's inputs.
    ///   - record: Its record, if any.
    ///   - checkpoint: Its checkpoint, if any; kept only when it can be resumed.
    ///   - settings: The run's ``PipelineConfiguration/settings``.
    ///   - chunking: The run's chunking, which a checkpoint must have been made with.
    ///   - layout: Where the shard's outputs are.
    static func assess(
        _ shard: Shard, record: ShardRecord?, checkpoint: ShardCheckpoint?, settings: String, chunking: ChunkingOptions,
        layout: OutputLayout
    ) -> ShardAssessment {
        let now = FileStatus.now
        let status = try? FileStatus.of(shard.path)
        var assessment = ShardAssessment(shard: shard, verdict: .new, record: record)
        if let record {
            assessment.verdict = verdict(
                shard, record: record, status: status, now: now, settings: settings, layout: layout,
                refreshed: &assessment.refreshed)
        }
        if assessment.needsProcessing, let checkpoint, let status,
            isResumable(checkpoint, status: status, settings: settings, chunking: chunking, layout: layout)
        {
            assessment.checkpoint = checkpoint
        }
        return assessment
    }

    private static func verdict(
        _ shard: Shard, record: ShardRecord, status: FileStatus?, now: Int64, settings: String, layout: OutputLayout,
        refreshed: inout ShardRecord?
    ) -> Verdict {
        if record.settings != settings { return .changed("the run settings changed") }
        if !FileSystem.isDirectory(layout.partialPath(for: shard)) || !FileSystem.isRegularFile(layout.documentsPath(for: shard))
            || (record.rejects > 0 && !FileSystem.isRegularFile(layout.rejectedLinesPath(for: shard)))
        {
            return .changed("its outputs are missing")
        }
        if !PartialStore.hasCurrentFormat(layout.partialPath(for: shard)) {
            return .changed("its partial was written by another version of Lede")
        }
        guard let status else { return .changed("it cannot be read") }
        if status.size != record.file.size {
            return .changed("its size changed from \(record.file.size) to \(status.size) bytes")
        }
        if status == record.file && record.file.changed < record.statusTime - racyWindow { return .unchanged }
        let fingerprint: String
        do { fingerprint = try ShardRecord.fingerprint(ofFile: shard.path) } catch { return .changed("it cannot be read") }
        guard fingerprint == record.fingerprint else {
            return .changed(record.fingerprint == nil ? "it could not be read to its end before" : "its content changed")
        }
        var updated = record
        updated.file = status
        updated.statusTime = now
        updated.source = FileSystem.absolutePath(shard.path)
        if updated != record { refreshed = updated }
        return .unchanged
    }

    /// Whether a checkpoint was made from this very file with these settings, and
    /// everything it points to is still there.
    private static func isResumable(
        _ checkpoint: ShardCheckpoint, status: FileStatus, settings: String, chunking: ChunkingOptions,
        layout: OutputLayout
    ) -> Bool {
        guard checkpoint.settings == settings, checkpoint.chunkSize == chunking.chunkSize,
            checkpoint.maxLineLength == chunking.maxLineLength, checkpoint.file == status,
            checkpoint.file.changed < checkpoint.statusTime - racyWindow
        else { return false }
        let shard = Shard(path: "", relativePath: checkpoint.shard)
        let files: [(String, Int64)] = [
            (layout.documentsPath(for: shard), checkpoint.documentsLength),
            (layout.rejectedLinesPath(for: shard), checkpoint.rejectedLinesLength),
            (layout.rejectReasonsPath(for: shard), checkpoint.rejectReasonsLength),
        ]
        for (path, length) in files where length > 0 {
            guard let size = try? FileStatus.of(OutputLayout.inProgressPath(of: path)).size, size >= length else { return false }
        }
        let state = RunState(layout: layout)
        // A segment an older Lede wrote in another format could not be merged at the end.
        return (0..<checkpoint.segments).allSatisfy {
            PartialStore.hasCurrentFormat(state.segmentPath(forRelativePath: checkpoint.shard, number: $0))
        }
    }
}
