import LedeAggregation
import LedeIO

/// The in-order writer of one shard: documents, rejects, checkpoints and, at the
/// end, its partial and its record.
///
/// Chunk results arrive in any order; they are held until every earlier chunk has
/// been written, so outputs keep the input's order. Documents and rejects grow
/// under fixed `.inprogress` names beside their final names and are renamed by
/// ``finish(counts:emptyFrame:fingerprint:)``.
///
/// With checkpoints on, the shard's chunks form segments of
/// ``PipelineConfiguration/checkpointChunks`` chunks. When a segment's last chunk
/// is written, the writer notes its counts and file lengths (``SegmentEnd``);
/// once the workers have handed over their counts of the segment, the runner
/// writes the segment's partial (``writeSegment(_:counts:to:)``, in a task of
/// its own when it has more than one job), then ``recordCheckpoint(_:)`` makes
/// the files durable and writes the ``ShardCheckpoint``.
final class ShardOutput {
    /// A chunk outcome waiting for its turn.
    enum Pending {
        case processed(ChunkResult)
        case overlong(OverlongLine, line: Int, offset: Int64)
        case truncated([UInt8], line: Int, offset: Int64)
    }

    /// The state of the shard's outputs right after the last chunk of a segment.
    struct SegmentEnd {
        /// The segment's number among the shard's segments on disk.
        var number: Int
        /// The segment's number counted from this run's first chunk: the runner's key for it.
        var runSegment: Int
        var checkpoint: ShardCheckpoint
        /// Counts that the writer made itself (lines too long or cut off).
        var ownCounts: Partial
    }

    /// The status recorded for a file that could not even be looked at: it
    /// matches no real file, so the next run tries the shard again.
    private static let unknownFile = FileStatus(size: -1, modified: 0, changed: 0, inode: 0, device: 0)

    let shard: Shard
    private let layout: OutputLayout
    private let state: RunState
    private let configuration: PipelineConfiguration
    /// The file's status when reading began, and when it was taken.
    private let file: FileStatus?
    private let statusTime: Int64
    private let documents: AtomicFile
    private var rejectedLines: AtomicFile?
    private var rejectReasons: AtomicFile?
    private var pending: [Int: Pending] = [:]
    private var nextToWrite: Int
    /// Chunks written by earlier runs (skipped by this one).
    let firstChunk: Int
    /// Segments on disk when this run began.
    private let firstSegment: Int
    /// Segments on disk now.
    private var segments: Int
    /// Counts of the current segment made by the writer itself.
    private var accumulator = PartialAccumulator()
    /// Counts of segments ended but not checkpointed (``keepInMemory(_:counts:)``).
    private var lastSegments = PartialAccumulator()
    private var wroteDocuments: Bool
    private var segmentEnds: [SegmentEnd] = []
    /// Chunks handed out by the reader so far (counting skipped ones).
    var chunksRead: Int
    /// Whether the reader has delivered its last chunk.
    var readingDone = false
    /// Why reading stopped early, if it did.
    var failure: ShardReadError?
    /// Lines, documents and rejects written so far, earlier runs' included.
    private(set) var lines: Int
    private(set) var documentCount: Int
    private(set) var rejects: Int
    private(set) var bytes: Int64
    private(set) var rejectsByReason: [String: Int]
    private(set) var entityLimitDocuments: Int

    /// Starts the shard's outputs, or resumes them from `checkpoint`.
    init(
        shard: Shard, layout: OutputLayout, configuration: PipelineConfiguration, file: FileStatus?, statusTime: Int64,
        checkpoint: ShardCheckpoint?
    ) throws {
        self.shard = shard
        self.layout = layout
        self.configuration = configuration
        self.file = file
        self.statusTime = statusTime
        state = RunState(layout: layout)
        let documentsPath = layout.documentsPath(for: shard)
        documents = try AtomicFile(
            path: documentsPath, temporaryPath: OutputLayout.inProgressPath(of: documentsPath),
            resumingAt: checkpoint.flatMap { $0.documentsLength > 0 ? $0.documentsLength : nil })
        firstChunk = checkpoint?.chunks ?? 0
        firstSegment = checkpoint?.segments ?? 0
        segments = firstSegment
        nextToWrite = firstChunk
        chunksRead = firstChunk
        lines = checkpoint?.lines ?? 0
        documentCount = checkpoint?.documents ?? 0
        rejects = checkpoint?.rejects ?? 0
        bytes = checkpoint?.bytes ?? 0
        rejectsByReason = checkpoint?.rejectsByReason ?? [:]
        entityLimitDocuments = checkpoint?.entityLimitDocuments ?? 0
        wroteDocuments = (checkpoint?.documentsLength ?? 0) > 0
        if let checkpoint {
            if checkpoint.rejectedLinesLength > 0 {
                _ = try rejectFiles(resuming: (checkpoint.rejectedLinesLength, checkpoint.rejectReasonsLength))
            }
            try removeSegments(from: checkpoint.segments)
        }
    }

    /// Chunks read but not yet written.
    var outstanding: Int { chunksRead - nextToWrite }

    /// Whether every chunk has been written and the shard can be finished.
    var isComplete: Bool { readingDone && nextToWrite == chunksRead }

    /// Whether the shard has a checkpoint on disk, from this run or an earlier one.
    var hasCheckpoint: Bool { segments > 0 || firstChunk > 0 }

    /// The segment of chunk `index`, counted from this run's first chunk.
    func runSegment(ofChunk index: Int) -> Int {
        configuration.checkpointChunks > 0 ? (index - firstChunk) / configuration.checkpointChunks : 0
    }

    /// The segment that the chunks still to come belong to.
    var currentRunSegment: Int { runSegment(ofChunk: nextToWrite) }

    /// Takes one chunk outcome and writes every chunk that is now next in order.
    func deliver(_ item: Pending, index: Int) throws {
        pending[index] = item
        while let next = pending.removeValue(forKey: nextToWrite) {
            try write(next)
            nextToWrite += 1
            let every = configuration.checkpointChunks
            if every > 0 && (nextToWrite - firstChunk) % every == 0 { endSegment() }
        }
    }

    /// The segments ended since the last call, oldest first.
    func takeSegmentEnds() -> [SegmentEnd] {
        defer { segmentEnds = [] }
        return segmentEnds
    }

    private func endSegment() {
        let runSegment = runSegment(ofChunk: nextToWrite - 1)
        let checkpoint = ShardCheckpoint(
            shard: shard.relativePath, file: file ?? Self.unknownFile,
            statusTime: statusTime, settings: configuration.settings, chunkSize: configuration.chunking.chunkSize,
            maxLineLength: configuration.chunking.maxLineLength, chunks: nextToWrite,
            segments: firstSegment + runSegment + 1, lines: lines, documents: documentCount, rejects: rejects,
            bytes: bytes, rejectsByReason: rejectsByReason, documentsLength: documents.bytesWritten,
            rejectedLinesLength: rejectedLines?.bytesWritten ?? 0, rejectReasonsLength: rejectReasons?.bytesWritten ?? 0,
            entityLimitDocuments: entityLimitDocuments)
        segmentEnds.append(
            SegmentEnd(number: firstSegment + runSegment, runSegment: runSegment, checkpoint: checkpoint, ownCounts: accumulator.result()))
        accumulator = PartialAccumulator()
    }

    /// Where the partial of segment `end` goes.
    func segmentPath(of end: SegmentEnd) -> String {
        state.segmentPath(forRelativePath: shard.relativePath, number: end.number)
    }

    /// Sorts a segment's counts into its partial and writes it to `path`.
    ///
    /// The costly half of a checkpoint, and it touches no state of a writer, so
    /// that the runner can run it in a task of its own while chunks go on.
    static func writeSegment(_ end: SegmentEnd, counts: [AggregateBuilder], to path: String) throws {
        var total = PartialAccumulator()
        total.add(end.ownCounts)
        for builder in counts { total.add(builder.makePartial()) }
        try PartialStore.write(total.result(), to: path)
    }

    /// Makes the outputs durable and records the checkpoint of a segment whose
    /// partial is written: the other half of a checkpoint.
    ///
    /// The files may have grown since the segment ended; the checkpoint records
    /// their lengths at its end, and a resumed run cuts them back there.
    func recordCheckpoint(_ end: SegmentEnd) throws {
        try documents.sync()
        try rejectedLines?.sync()
        try rejectReasons?.sync()
        // Written last: it vouches for everything above.
        try state.write(end.checkpoint)
        segments = end.number + 1
    }

    /// Keeps a segment's counts for ``finish(counts:emptyFrame:fingerprint:)``
    /// instead of checkpointing it: the shard is complete, so a checkpoint would
    /// only cost a flush and be removed again a moment later.
    func keepInMemory(_ end: SegmentEnd, counts: [AggregateBuilder]) {
        lastSegments.add(end.ownCounts)
        for builder in counts { lastSegments.add(builder.makePartial()) }
    }

    /// Removes segment partials from `number` on, and unfinished writes of any,
    /// that a run killed after writing them but before its checkpoint left behind.
    private func removeSegments(from number: Int) throws {
        let directory = Path.directory(of: state.segmentPath(forRelativePath: shard.relativePath, number: 0))
        guard FileSystem.isDirectory(directory) else { return }
        for name in try FileSystem.contentsOfDirectory(directory) where (Int(name) ?? -1) < 0 || Int(name)! >= number {
            try FileSystem.removeTree(Path.join(directory, name))
        }
    }

    private func write(_ item: Pending) throws {
        switch item {
        case .processed(let result):
            if !result.documentsFrame.isEmpty {
                try documents.write(result.documentsFrame)
                wroteDocuments = true
            }
            if !result.rejectedLines.isEmpty {
                try rejectFiles().lines.write(result.rejectedLines)
                try rejectFiles().reasons.write(result.rejectReasons)
            }
            lines += result.lines
            documentCount += result.documents
            rejects += result.rejects
            bytes += result.bytes
            rejectsByReason.merge(result.rejectsByReason, uniquingKeysWith: +)
            entityLimitDocuments += result.entityLimitDocuments
        case .overlong(let line, let number, let offset):
            let files = try rejectFiles()
            try copySpill(line.spillPath, into: files.lines)
            try files.lines.write([0x0A])
            var reason: [UInt8] = []
            RejectRecord.appendReason(
                shard: shard.relativePath, lineNumber: number, offset: offset, length: line.length,
                reason: RejectReason.tooLong.rawValue, detail: "line of \(line.length) bytes is over the limit",
                to: &reason)
            try files.reasons.write(reason)
            try? FileSystem.removeFile(line.spillPath)
            countSingleReject(RejectReason.tooLong.rawValue, bytes: line.decodedSize)
        case .truncated(let bytes, let number, let offset):
            var lineBytes: [UInt8] = []
            var reason: [UInt8] = []
            bytes.withUnsafeBytes { raw in
                RejectRecord.append(
                    line: raw, shard: shard.relativePath, lineNumber: number, offset: offset,
                    reason: RejectReason.truncated.rawValue, detail: "the stream ends inside this line",
                    lines: &lineBytes, reasons: &reason)
            }
            let files = try rejectFiles()
            try files.lines.write(lineBytes)
            try files.reasons.write(reason)
            countSingleReject(RejectReason.truncated.rawValue, bytes: Int64(bytes.count))
        }
    }

    private func countSingleReject(_ reason: String, bytes: Int64) {
        var builder = AggregateBuilder(options: AggregationOptions())
        builder.addLines(1)
        builder.addReject(reason: reason)
        lines += 1
        rejects += 1
        self.bytes += bytes
        rejectsByReason[reason, default: 0] += 1
        accumulator.add(builder.makePartial())
    }

    private func rejectFiles(resuming lengths: (Int64, Int64)? = nil) throws -> (lines: AtomicFile, reasons: AtomicFile) {
        if let rejectedLines, let rejectReasons { return (rejectedLines, rejectReasons) }
        let linesPath = layout.rejectedLinesPath(for: shard)
        let reasonsPath = layout.rejectReasonsPath(for: shard)
        let lines = try AtomicFile(
            path: linesPath, temporaryPath: OutputLayout.inProgressPath(of: linesPath), resumingAt: lengths?.0)
        let reasons = try AtomicFile(
            path: reasonsPath, temporaryPath: OutputLayout.inProgressPath(of: reasonsPath), resumingAt: lengths?.1)
        rejectedLines = lines
        rejectReasons = reasons
        return (lines, reasons)
    }

    private func copySpill(_ path: String, into file: AtomicFile) throws {
        let spill = try FileDescriptor.openForReading(path)
        defer { try? spill.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try spill.read(into: buffer)
            if n == 0 { break }
            try file.write(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Renames the shard's files into place, writes its partial, then its record,
    /// and removes its checkpoint.
    ///
    /// - Parameters:
    ///   - counts: The workers' counts of the shard's last segment.
    ///   - emptyFrame: A zstd frame of no bytes, written for a shard without
    ///     documents so that its file is still a valid stream that decodes to nothing.
    ///   - fingerprint: The fingerprint of the bytes read, or `nil` when unknown.
    /// - Returns: The shard's new record.
    func finish(counts: [AggregateBuilder], emptyFrame: [UInt8], fingerprint: String?) throws -> ShardRecord {
        if !wroteDocuments {
            try documents.write(emptyFrame)
        }
        try documents.commit()
        if let rejectedLines, let rejectReasons {
            try rejectedLines.commit()
            try rejectReasons.commit()
        } else {
            try FileSystem.removeFile(layout.rejectedLinesPath(for: shard))
            try FileSystem.removeFile(layout.rejectReasonsPath(for: shard))
        }
        var builder = AggregateBuilder(options: AggregationOptions())
        builder.addShard()
        if failure != nil { builder.addFailedShard() }
        var total = PartialAccumulator()
        total.add(builder.makePartial())
        total.add(accumulator.result())
        total.add(lastSegments.result())
        for builder in counts { total.add(builder.makePartial()) }
        try writePartial(rest: total.result())
        let record = ShardRecord(
            shard: shard.relativePath, source: FileSystem.absolutePath(shard.path),
            file: file ?? Self.unknownFile, statusTime: statusTime,
            fingerprint: fingerprint, settings: configuration.settings, status: failure == nil ? .done : .failed,
            failure: failure?.reason, failureOffset: failure?.offset, lines: lines, documents: documentCount,
            rejects: rejects, rejectsByReason: rejectsByReason, bytes: bytes, finished: FileStatus.now,
            entityLimitDocuments: entityLimitDocuments)
        try state.write(record)
        try state.removeCheckpoint(forRelativePath: shard.relativePath)
        return record
    }

    /// Writes the shard's partial: `rest` (the counts since the last checkpoint)
    /// with the checkpointed segments' partials.
    ///
    /// Segments are merged from disk, streaming, with `rest` written beside them
    /// as one more: reading them all into memory would hold a large shard's
    /// tables several times over (a 1 GB shard peaked at 358 MiB that way).
    private func writePartial(rest: Partial) throws {
        let destination = layout.partialPath(for: shard)
        guard segments > 0 else {
            try PartialStore.write(rest, to: destination)
            return
        }
        let last = state.segmentPath(forRelativePath: shard.relativePath, number: segments)
        try PartialStore.write(rest, to: last, durable: false)
        defer { try? FileSystem.removeTree(last) }
        let inputs = (0...segments).map { state.segmentPath(forRelativePath: shard.relativePath, number: $0) }
        try PartialMerger.merge(partials: inputs, intoPartial: destination)
    }

    /// Abandons the shard's unfinished files after a fatal error; the previous
    /// outputs stay as they were. Files that a checkpoint vouches for are kept
    /// for the next run to resume from.
    func discard() {
        if hasCheckpoint {
            documents.suspend()
            rejectedLines?.suspend()
            rejectReasons?.suspend()
        } else {
            documents.discard()
            rejectedLines?.discard()
            rejectReasons?.discard()
        }
        for case .overlong(let line, _, _) in pending.values { try? FileSystem.removeFile(line.spillPath) }
    }
}
