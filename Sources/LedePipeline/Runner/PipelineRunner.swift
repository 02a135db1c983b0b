import LedeAggregation
import LedeEntities
import LedeIO
import LedeStore
import Logging

/// Runs the whole pipeline over a set of shards on all requested cores.
///
/// This is the one place where concurrency lives. A single coordinating task owns
/// all mutable state; child tasks either read the next chunk of one shard or
/// process one chunk with a worker they borrow. The number of chunks read but not
/// yet written is bounded (``PipelineConfiguration/chunksInFlight``), so memory
/// stays bounded by jobs × chunk size however large the archive, and one huge
/// shard is split across cores as well as many small ones.
public struct PipelineRunner<Tagger: EntityTagger>: Sendable {
    /// The run's settings.
    public let configuration: PipelineConfiguration
    private let makeTagger: @Sendable () -> Tagger
    let logger: Logger

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - configuration: Inputs, output and limits.
    ///   - logger: Where progress and problems are reported.
    ///   - makeTagger: Makes one tagger per worker.
    public init(configuration: PipelineConfiguration, logger: Logger, makeTagger: @escaping @Sendable () -> Tagger) {
        self.configuration = configuration
        self.logger = logger
        self.makeTagger = makeTagger
    }

    /// Brings the output directory up to date with `shards` and merges its tables.
    ///
    /// Holds the directory's ``RunLock`` throughout. Compares every shard with its
    /// record (``ShardAssessment``); removes the contributions of recorded shards
    /// whose files are gone (unless ``PipelineConfiguration/keepMissing``);
    /// processes new and changed shards, resuming from their checkpoints; then
    /// merges the partials of all recorded shards into `aggregates/`, swapped in
    /// at once, and rebuilds the SQLite store from them (``PipelineConfiguration/store``).
    /// When no shard needed processing and the outputs are those of the recorded
    /// shards (``RunState/mergedPartialsIfCurrent(store:)``), they are left as they are;
    /// a missing table or store is rebuilt. A shard's documents, rejects and partial are in place before its
    /// record says it is done, so a process killed at any instant leaves the
    /// previous results readable and the next run finishes the work.
    ///
    /// - Throws: ``RunLockedError`` when another process holds the directory;
    ///   ``LedeIO/SystemError`` or ``LedeAggregation/AggregationError`` when an
    ///   output cannot be written.
    public func run(shards: [Shard]) async throws -> RunSummary {
        let layout = OutputLayout(root: configuration.output)
        let lock = try RunLock.acquire(layout, command: "run")
        defer { lock.release() }
        let started = SystemInfo.monotonicSeconds()
        let state = RunState(layout: layout)
        try FileSystem.createDirectory(layout.partialsDirectory)
        try FileSystem.createDirectory(layout.temporaryDirectory)
        let lastCompleted = state.runRecord()?.completed
        var runRecord = RunRecord(
            inputs: configuration.inputs.map(FileSystem.absolutePath), settings: configuration.settings,
            chunkSize: configuration.chunking.chunkSize, maxLineLength: configuration.chunking.maxLineLength,
            holder: RunLock.note(command: "run"), completed: lastCompleted)
        try state.write(runRecord)
        let survey = try await ShardSurvey.make(shards: shards, configuration: configuration, layout: layout, logger: logger)
        var summary = RunSummary()
        try prepare(survey, state: state, lastCompleted: lastCompleted, summary: &summary)
        let work = survey.assessments.filter(\.needsProcessing).map { ShardWork(shard: $0.shard, checkpoint: $0.checkpoint) }
        logger.info(
            "\(work.count) of \(shards.count) shard(s) to process (\(summary.newShards) new, \(summary.changedShards) changed), \(summary.unchangedShards) unchanged")
        summary = try await process(work, layout: layout, summary: summary)
        SystemInfo.releaseFreedMemory()
        if work.isEmpty, let partials = state.mergedPartialsIfCurrent(store: configuration.store) {
            logger.info("the tables and the store are up to date with the \(partials) recorded shard(s): not merged again")
            summary.partialsMerged = partials
            summary.outputsUpToDate = true
        } else {
            let merged = try merge(layout: layout)
            summary.partialsMerged = merged.tables.partials
            summary.topEntities = merged.tables.topEntities
            summary.store = merged.store
        }
        runRecord.completed = FileStatus.now
        try state.write(runRecord)
        summary.seconds = SystemInfo.monotonicSeconds() - started
        summary.peakResidentBytes = SystemInfo.peakResidentBytes
        return summary
    }

    /// Rebuilds `aggregates/` and then the SQLite store from the partials of
    /// every recorded shard (``RunState/mergeTables(store:jobs:logger:)``); the caller
    /// holds the directory's ``RunLock``.
    ///
    /// - Returns: The tables' row counts, and what went into the store (`nil`
    ///   when it is disabled).
    public func merge(layout: OutputLayout) throws -> (tables: MergeSummary, store: StoreBuildSummary?) {
        try RunState(layout: layout).mergeTables(store: configuration.store, jobs: configuration.jobs, logger: logger)
    }

    /// Applies the survey before any shard is processed: refreshes records,
    /// removes what disappeared, and clears what killed runs left behind.
    /// Shards that a stopped run finished after the last complete one count in
    /// this run's summary, so that their rejects are reported once.
    private func prepare(_ survey: ShardSurvey, state: RunState, lastCompleted: Int64?, summary: inout RunSummary) throws {
        for path in survey.unreadableRecords { try FileSystem.removeFile(path) }
        var kept = survey.records
        for assessment in survey.assessments {
            let relativePath = assessment.shard.relativePath
            switch assessment.verdict {
            case .unchanged:
                summary.unchangedShards += 1
                if let refreshed = assessment.refreshed { try state.write(refreshed) }
                guard let record = assessment.record else { break }
                if record.status == .failed { summary.earlierFailures.append(ShardFailure(record)) }
                if record.finished > lastCompleted ?? .min {
                    // Finished by a run that was stopped before its summary: reported now.
                    summary.interruptedShards += 1
                    summary.lines += record.lines
                    summary.documents += record.documents
                    summary.rejectsByReason.merge(record.rejectsByReason, uniquingKeysWith: +)
                    summary.entityLimitDocuments += record.entityLimitDocuments ?? 0
                }
            case .new:
                summary.newShards += 1
            case .changed(let why):
                summary.changedShards += 1
                logger.info("\(relativePath) changed: \(why); it is processed again")
            }
            // An unusable checkpoint, or one left by an attempt that a finished shard made obsolete.
            if assessment.checkpoint == nil { try state.removeCheckpoint(forRelativePath: relativePath) }
        }
        for record in survey.missing {
            if configuration.keepMissing {
                summary.missingKept.append(record.shard)
                logger.warning("\(record.shard) is gone from the inputs; its counts are kept (--keep-missing)")
            } else {
                try state.removeShard(record.shard)
                kept.removeValue(forKey: record.shard)
                summary.missingRemoved.append(record.shard)
                logger.warning("\(record.shard) is gone from the inputs; its documents and counts are removed")
            }
        }
        summary.otherInputs = survey.elsewhere.count
        try state.removeLeftovers(keeping: Set(kept.keys), inputs: Set(survey.assessments.map(\.shard.relativePath)))
    }

    /// Processes `work` on `jobs` workers; overlong lines spill into
    /// `spillDirectory` (by default `_state/tmp`).
    func process(
        _ work: [ShardWork], layout: OutputLayout, summary: RunSummary, spillDirectory: String? = nil
    ) async throws -> RunSummary {
        guard !work.isEmpty else { return summary }
        var state = try CoordinatorState<Tagger>(
            work: work, layout: layout, configuration: configuration, logger: logger, summary: summary,
            spillDirectory: spillDirectory ?? layout.temporaryDirectory)
        for id in 0..<configuration.jobs {
            state.idleWorkers.append(
                WorkerBox(
                    id: id,
                    worker: try ChunkWorker(
                        tagger: makeTagger(), fields: configuration.fields, aggregation: configuration.aggregation,
                        compressionLevel: configuration.compressionLevel, maxEntities: configuration.maxEntities)))
        }
        do {
            try await withThrowingTaskGroup(of: TaskOutcome<Tagger>.self) { group in
                try state.launch(into: &group)
                while let outcome = try await group.next() {
                    try state.handle(outcome)
                    try state.launch(into: &group)
                }
            }
        } catch {
            state.finishProgress()
            state.discardAll()
            throw error
        }
        state.finishProgress()
        var summary = state.summary
        // Shards finish in parallel; the summary lists failures in a fixed order.
        summary.failures.sort { $0.shard < $1.shard }
        return summary
    }
}

/// One shard to process, and where to resume it.
struct ShardWork: Sendable {
    var shard: Shard
    var checkpoint: ShardCheckpoint?
}

/// A shard's chunk reader, handed to exactly one read task at a time.
///
/// `@unchecked Sendable` is sound because the coordinator gives the box to one
/// child task and touches it again only after that task has returned it.
final class ReaderBox: @unchecked Sendable {
    let source: ShardByteSource
    let reader: ChunkReader
    var nextLine: Int
    /// Chunks that a checkpoint vouches for, still to be decoded and dropped.
    var skip: Int
    /// The shard's ids so far, with `--dedupe-ids`.
    var duplicates: DuplicateIDFilter?

    init(source: ShardByteSource, reader: ChunkReader, skip: Int = 0, nextLine: Int = 1, duplicates: DuplicateIDFilter? = nil) {
        self.source = source
        self.reader = reader
        self.skip = skip
        self.nextLine = nextLine
        self.duplicates = duplicates
    }

    /// Decodes and drops the chunks written before the checkpoint, without
    /// tagging or counting their lines. With `--dedupe-ids` their ids are noted,
    /// so that the checkpoint needs no copy of the id set: a resumed shard
    /// rejects exactly the lines an uninterrupted run would.
    func skipCheckpointedChunks() throws(ShardReadError) {
        while skip > 0 {
            guard let chunk = try reader.next() else {
                throw ShardReadError(
                    path: source.path, offset: source.consumedFileBytes,
                    reason: "the shard ends before its checkpoint (\(skip) chunk(s) short)")
            }
            switch chunk.content {
            case .overlong(let line): try? FileSystem.removeFile(line.spillPath)
            case .lines(let bytes): _ = duplicates?.duplicates(in: bytes)
            case .truncated: break
            }
            skip -= 1
        }
    }

    /// The next chunk, with the lines of it that repeat an earlier id.
    func next() throws(ShardReadError) -> (chunk: ShardChunk?, duplicateLines: [Int]) {
        try skipCheckpointedChunks()
        let chunk = try reader.next()
        var duplicateLines: [Int] = []
        if let chunk, case .lines(let bytes) = chunk.content {
            nextLine += bytes.withUnsafeBytes(LineCounter.count)
            if duplicates != nil { duplicateLines = duplicates!.duplicates(in: bytes) }
        } else if chunk != nil {
            nextLine += 1
        }
        return (chunk, duplicateLines)
    }
}

/// A worker, lent to one processing task at a time (same reasoning as ``ReaderBox``).
final class WorkerBox<Tagger: EntityTagger>: @unchecked Sendable {
    let id: Int
    let worker: ChunkWorker<Tagger>

    init(id: Int, worker: ChunkWorker<Tagger>) {
        self.id = id
        self.worker = worker
    }
}

/// A complete shard on its way to being finished (``ShardOutput/finish(counts:emptyFrame:fingerprint:)``)
/// in a child task: sorting the workers' counts into its partial and writing the
/// partial take as long as processing a few chunks, too long to keep the
/// coordinator from handing out work meanwhile.
///
/// `@unchecked Sendable` is sound because the coordinator has removed the output
/// from its open shards before it hands the box over, and never touches it again.
final class FinishingShard: @unchecked Sendable {
    let output: ShardOutput
    let counts: [AggregateBuilder]
    let fingerprint: String?

    init(output: ShardOutput, counts: [AggregateBuilder], fingerprint: String?) {
        self.output = output
        self.counts = counts
        self.fingerprint = fingerprint
    }

    /// Writes the shard's partial and record.
    func finish(emptyFrame: [UInt8]) throws -> ShardRecord {
        var fingerprint = fingerprint
        if fingerprint == nil, output.failure != nil {
            // A failed shard was not read to its end; its fingerprint still tells
            // the next run whether it is the same broken file.
            fingerprint = try? ShardRecord.fingerprint(ofFile: output.shard.path)
        }
        return try output.finish(counts: counts, emptyFrame: emptyFrame, fingerprint: fingerprint)
    }
}

/// A segment whose partial a child task writes, for its shard's checkpoint.
///
/// `@unchecked Sendable` is sound because the task only reads the counts and
/// the path, and the coordinator touches the output again only after the
/// task has returned the box.
final class CheckpointingSegment: @unchecked Sendable {
    let shard: Int
    let output: ShardOutput
    let end: ShardOutput.SegmentEnd
    let counts: [AggregateBuilder]
    let path: String

    init(shard: Int, output: ShardOutput, end: ShardOutput.SegmentEnd, counts: [AggregateBuilder]) {
        self.shard = shard
        self.output = output
        self.end = end
        self.counts = counts
        path = output.segmentPath(of: end)
    }

    /// Writes the segment's partial.
    func write() throws {
        try ShardOutput.writeSegment(end, counts: counts, to: path)
    }
}

/// What a child task hands back to the coordinator.
enum TaskOutcome<Tagger: EntityTagger>: Sendable {
    case read(shard: Int, chunk: ShardChunk?, duplicateLines: [Int], firstLine: Int, error: ShardReadError?, box: ReaderBox)
    case processed(shard: Int, result: ChunkResult, worker: WorkerBox<Tagger>)
    case finished(record: ShardRecord, box: FinishingShard)
    case checkpointed(box: CheckpointingSegment)
}

/// Everything the coordinator owns; only ever touched from the coordinating task.
struct CoordinatorState<Tagger: EntityTagger> {
    /// Counts waiting to be collected from every worker: a segment's, for its
    /// checkpoint, or a shard's last, to finish it.
    private struct Drain {
        enum Purpose {
            case checkpoint(ShardOutput.SegmentEnd)
            case finish
        }

        let shard: Int
        let key: Int
        let purpose: Purpose
        var drained: Set<Int> = []
        var counts: [AggregateBuilder] = []
    }

    /// A shard's segment, counted from the shard's first chunk in this run.
    private struct SegmentID: Hashable {
        var shard: Int
        var segment: Int
    }

    let work: [ShardWork]
    let layout: OutputLayout
    let configuration: PipelineConfiguration
    /// A zstd frame of no bytes: the documents of a shard without any.
    let emptyFrame: [UInt8]
    let logger: Logger
    let spillDirectory: String
    var idleWorkers: [WorkerBox<Tagger>] = []
    private var outputs: [Int: ShardOutput] = [:]
    /// Drains in the order they began: a shard's checkpoints come before its finish.
    private var drains: [Drain] = []
    private var finishing: Set<Int> = []
    /// Complete shards whose finishing task has yet to start.
    private var readyToFinish: [FinishingShard] = []
    /// Each shard's checkpoints whose segment partials are still to write, in
    /// order; the first one's task is running. A shard checkpoints in order,
    /// and finishes only once none is left.
    private var checkpointQueues: [Int: [CheckpointingSegment]] = [:]
    /// Segment partials whose writing task has yet to start.
    private var readyToCheckpoint: [CheckpointingSegment] = []
    /// Complete shards waiting for their last checkpoint before they finish.
    private var finishAfterCheckpoint: [Int: FinishingShard] = [:]
    /// The key under which workers count each segment's chunks.
    private var keys: [SegmentID: Int] = [:]
    private var nextKey = 0
    /// Fingerprints of the shards read to their end.
    private var fingerprints: [Int: String] = [:]
    private var idleReaders: [Int: ReaderBox] = [:]
    private var readingNow: Set<Int> = []
    private var waitingChunks: [(shard: Int, chunk: ShardChunk, duplicateLines: [Int], firstLine: Int)] = []
    private var nextShard = 0
    private var outstanding = 0
    private var progress: RunProgress
    private var finishedShards = 0
    private var finishedBytes: Int64 = 0
    /// Compressed bytes consumed so far of each open shard, for the progress line.
    private var consumedBytes: [Int: Int64] = [:]
    private(set) var summary: RunSummary

    init(
        work: [ShardWork], layout: OutputLayout, configuration: PipelineConfiguration, logger: Logger, summary: RunSummary,
        spillDirectory: String
    ) throws {
        var emptyFrame: [UInt8] = []
        try ZstdCompressor(level: configuration.compressionLevel).compress([], appendingTo: &emptyFrame)
        self.emptyFrame = emptyFrame
        self.spillDirectory = spillDirectory
        self.logger = logger
        self.work = work
        self.layout = layout
        self.configuration = configuration
        self.summary = summary
        progress = RunProgress(
            shards: work.map(\.shard), output: configuration.output, metricsPath: configuration.metricsPath, logger: logger)
    }

    /// Starts every task the budget allows: finishing shards, processing, then reads.
    mutating func launch(into group: inout ThrowingTaskGroup<TaskOutcome<Tagger>, any Error>) throws {
        for box in readyToFinish {
            let emptyFrame = emptyFrame
            group.addTask { .finished(record: try box.finish(emptyFrame: emptyFrame), box: box) }
        }
        readyToFinish.removeAll()
        for box in readyToCheckpoint {
            group.addTask {
                try box.write()
                return .checkpointed(box: box)
            }
        }
        readyToCheckpoint.removeAll()
        while !waitingChunks.isEmpty, let worker = idleWorkers.popLast() {
            let (shard, chunk, duplicateLines, firstLine) = waitingChunks.removeFirst()
            guard case .lines(let bytes) = chunk.content else { preconditionFailure("only lines are processed") }
            guard let output = outputs[shard] else { preconditionFailure("a chunk of a shard that is not open") }
            let key = key(SegmentID(shard: shard, segment: output.runSegment(ofChunk: chunk.index)))
            let name = work[shard].shard.relativePath
            group.addTask {
                let result = try worker.worker.process(
                    bytes, index: chunk.index, shard: key, shardName: name, firstLine: firstLine,
                    byteOffset: chunk.byteOffset, duplicateLines: duplicateLines)
                return .processed(shard: shard, result: result, worker: worker)
            }
        }
        while outstanding + readingNow.count < configuration.chunksInFlight {
            guard let shard = try nextReadableShard() else { break }
            guard let box = idleReaders.removeValue(forKey: shard) else { break }
            readingNow.insert(shard)
            group.addTask {
                let firstLine = box.nextLine
                do throws(ShardReadError) {
                    let (chunk, duplicateLines) = try box.next()
                    return .read(shard: shard, chunk: chunk, duplicateLines: duplicateLines, firstLine: firstLine, error: nil, box: box)
                } catch {
                    return .read(shard: shard, chunk: nil, duplicateLines: [], firstLine: firstLine, error: error, box: box)
                }
            }
        }
    }

    /// The workers' key for a segment's counts, made on first use.
    private mutating func key(_ segment: SegmentID) -> Int {
        if let key = keys[segment] { return key }
        let key = nextKey
        nextKey += 1
        keys[segment] = key
        return key
    }

    /// The open shard with an idle reader that comes first, opening a new shard
    /// when none is idle and fewer than `jobs + 1` are open.
    private mutating func nextReadableShard() throws -> Int? {
        if let shard = idleReaders.keys.min() { return shard }
        let open = outputs.count
        guard nextShard < work.count, open <= configuration.jobs else { return nil }
        let index = nextShard
        nextShard += 1
        let item = work[index]
        let statusTime = FileStatus.now
        let file = try? FileStatus.of(item.shard.path)
        let output = try ShardOutput(
            shard: item.shard, layout: layout, configuration: configuration, file: file, statusTime: statusTime,
            checkpoint: item.checkpoint)
        outputs[index] = output
        summary.shards += 1
        if let checkpoint = item.checkpoint {
            summary.resumedShards += 1
            summary.chunksSkipped += checkpoint.chunks
            logger.info("\(item.shard.relativePath): resuming after \(checkpoint.chunks) checkpointed chunk(s), \(checkpoint.lines) line(s)")
        }
        do {
            let source = try ShardByteSource(path: item.shard.path, maxWindowSize: configuration.maxZstdWindow)
            let reader = ChunkReader(source: source, options: configuration.chunking, spillDirectory: spillDirectory)
            idleReaders[index] = ReaderBox(
                source: source, reader: reader, skip: item.checkpoint?.chunks ?? 0,
                nextLine: (item.checkpoint?.lines ?? 0) + 1,
                duplicates: configuration.dedupeIDs ? DuplicateIDFilter(fields: configuration.fields) : nil)
        } catch {
            output.failure = error
            output.readingDone = true
            try finishIfComplete(index)
            return try nextReadableShard()
        }
        return index
    }

    /// Files a finished task's outcome.
    mutating func handle(_ outcome: TaskOutcome<Tagger>) throws {
        switch outcome {
        case .read(let shard, let chunk, let duplicateLines, let firstLine, let error, let box):
            readingNow.remove(shard)
            guard let output = outputs[shard] else { return }
            if let chunk {
                output.chunksRead += 1
                outstanding += 1
                idleReaders[shard] = box
                // The box is back from its read task, so nothing else touches the source now.
                consumedBytes[shard] = box.source.consumedFileBytes
                summary.bytes += chunkBytes(chunk)
                switch chunk.content {
                case .lines:
                    waitingChunks.append((shard, chunk, duplicateLines, firstLine))
                case .overlong(let line):
                    try deliver(.overlong(line, line: firstLine, offset: chunk.byteOffset), index: chunk.index, shard: shard)
                case .truncated(let bytes):
                    try deliver(.truncated(bytes, line: firstLine, offset: chunk.byteOffset), index: chunk.index, shard: shard)
                }
            } else {
                output.readingDone = true
                if let error {
                    output.failure = error
                    logger.error("shard failed: \(error.description)")
                }
                if let fingerprint = box.source.fingerprint { fingerprints[shard] = ShardRecord.fingerprint(fingerprint) }
                box.source.close()
                try finishIfComplete(shard)
            }
        case .processed(let shard, let result, let worker):
            idleWorkers.append(worker)
            try deliver(.processed(result), index: result.index, shard: shard)
            try drainIdleWorkers()
        case .finished(let record, let box):
            finished(record, box.output)
        case .checkpointed(let box):
            try recordCheckpoint(box.end, of: box.output)
            checkpointQueues[box.shard]?.removeFirst()
            if let next = checkpointQueues[box.shard]?.first {
                readyToCheckpoint.append(next)
            } else {
                checkpointQueues[box.shard] = nil
                if let finishing = finishAfterCheckpoint.removeValue(forKey: box.shard) { readyToFinish.append(finishing) }
            }
        }
        reportProgress()
    }

    private func chunkBytes(_ chunk: ShardChunk) -> Int64 {
        switch chunk.content {
        case .lines(let bytes): Int64(bytes.count)
        case .overlong(let line): line.decodedSize
        case .truncated(let bytes): Int64(bytes.count)
        }
    }

    private mutating func deliver(
        _ item: ShardOutput.Pending, index: Int, shard: Int
    ) throws {
        guard let output = outputs[shard] else { return }
        let before = output.outstanding
        try output.deliver(item, index: index)
        outstanding -= before - output.outstanding
        let ends = output.takeSegmentEnds()
        for end in ends {
            let segment = SegmentID(shard: shard, segment: end.runSegment)
            drains.append(Drain(shard: shard, key: key(segment), purpose: .checkpoint(end)))
        }
        if !ends.isEmpty { try drainIdleWorkers() }
        try finishIfComplete(shard)
    }

    private mutating func finishIfComplete(_ shard: Int) throws {
        guard let output = outputs[shard], output.isComplete, !finishing.contains(shard) else { return }
        finishing.insert(shard)
        let segment = SegmentID(shard: shard, segment: output.currentRunSegment)
        drains.append(Drain(shard: shard, key: key(segment), purpose: .finish))
        try drainIdleWorkers()
    }

    /// Collects the counts that pending drains wait for from the workers that are
    /// idle now; a busy worker hands over its part when it comes back.
    ///
    /// A drain that began later sees only workers that an earlier one has seen
    /// too, so a shard's drains complete in the order they began: its
    /// checkpoints in order, then its finish.
    private mutating func drainIdleWorkers() throws {
        var index = 0
        while index < drains.count {
            for box in idleWorkers where !drains[index].drained.contains(box.id) {
                drains[index].drained.insert(box.id)
                if let counts = box.worker.takeCounts(shard: drains[index].key) { drains[index].counts.append(counts) }
            }
            guard drains[index].drained.count == configuration.jobs else {
                index += 1
                continue
            }
            let drain = drains.remove(at: index)
            switch drain.purpose {
            case .checkpoint(let end):
                guard let output = outputs[drain.shard] else { break }
                if output.isComplete {
                    output.keepInMemory(end, counts: drain.counts)
                } else if configuration.jobs == 1 {
                    try CheckpointingSegment(shard: drain.shard, output: output, end: end, counts: drain.counts).write()
                    try recordCheckpoint(end, of: output)
                } else {
                    // Sorting a segment's counts takes a while; the workers go on meanwhile.
                    let box = CheckpointingSegment(shard: drain.shard, output: output, end: end, counts: drain.counts)
                    checkpointQueues[drain.shard, default: []].append(box)
                    if checkpointQueues[drain.shard]?.count == 1 { readyToCheckpoint.append(box) }
                }
            case .finish:
                try finish(drain.shard, counts: drain.counts)
            }
        }
    }

    /// Closes the books on a complete shard and queues its finishing task.
    ///
    /// With one job the shard is finished here and now: a task of its own would
    /// run beside the worker and make a one-job run use two cores.
    private mutating func finish(_ shard: Int, counts: [AggregateBuilder]) throws {
        guard let output = outputs.removeValue(forKey: shard) else { return }
        finishing.remove(shard)
        keys = keys.filter { $0.key.shard != shard }
        idleReaders.removeValue(forKey: shard)
        consumedBytes.removeValue(forKey: shard)
        let box = FinishingShard(output: output, counts: counts, fingerprint: fingerprints.removeValue(forKey: shard))
        if configuration.jobs == 1 {
            finished(try box.finish(emptyFrame: emptyFrame), output)
        } else if checkpointQueues[shard] != nil {
            finishAfterCheckpoint[shard] = box
        } else {
            readyToFinish.append(box)
        }
    }

    /// Makes a segment's outputs durable and writes its checkpoint, once its partial is written.
    private mutating func recordCheckpoint(_ end: ShardOutput.SegmentEnd, of output: ShardOutput) throws {
        try output.recordCheckpoint(end)
        summary.checkpointsWritten += 1
        logger.debug("checkpoint: \(output.shard.relativePath) after \(end.checkpoint.chunks) chunk(s)")
    }

    /// Counts a shard whose partial and record are written.
    private mutating func finished(_ record: ShardRecord, _ output: ShardOutput) {
        summary.partialsWritten += 1
        finishedShards += 1
        finishedBytes += (try? FileStatus.of(output.shard.path).size) ?? 0
        summary.lines += output.lines
        summary.documents += output.documentCount
        summary.rejectsByReason.merge(output.rejectsByReason, uniquingKeysWith: +)
        summary.entityLimitDocuments += output.entityLimitDocuments
        if let failure = output.failure {
            summary.failures.append(ShardFailure(shard: output.shard.relativePath, reason: failure.description))
        }
        logger.debug("shard done: \(record.shard) lines=\(record.lines) documents=\(record.documents) rejects=\(record.rejects)")
    }

    /// Clears the terminal's progress line before the summary is printed.
    mutating func finishProgress() { progress.finish() }

    /// Counts the open shards' documents and bytes too, so that the first minutes of
    /// one huge shard don't show 0 documents and no ETA.
    private mutating func reportProgress() {
        var live = summary
        live.documents += outputs.values.reduce(0) { $0 + $1.documentCount }
        let consumed = finishedBytes + consumedBytes.values.reduce(0, +)
        progress.report(live, finishedShards: finishedShards, consumedBytes: consumed, logger: logger)
    }

    /// Removes every temporary file of unfinished shards after a fatal error,
    /// except what their checkpoints vouch for.
    func discardAll() {
        for output in outputs.values { output.discard() }
        for box in readyToFinish { box.output.discard() }
        for box in finishAfterCheckpoint.values { box.output.discard() }
    }
}
