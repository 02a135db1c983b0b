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
    private let logger: Logger

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

    /// Processes `shards` and merges every partial of the output directory into its tables.
    public func run(shards: [Shard]) async throws -> RunSummary {
        let layout = OutputLayout(root: configuration.output)
        try FileSystem.createDirectory(layout.partialsDirectory)
        try FileSystem.createDirectory(layout.temporaryDirectory)
        let started = SystemInfo.monotonicSeconds()
        var summary = try await process(shards, layout: layout)
        summary.store = try merge(layout: layout, failures: summary.failures)
        summary.seconds = SystemInfo.monotonicSeconds() - started
        summary.peakResidentBytes = SystemInfo.peakResidentBytes
        return summary
    }

    /// Rebuilds `aggregates/` and the SQLite store from every partial present.
    ///
    /// - Returns: What went into the store, or `nil` when it is disabled.
    public func merge(layout: OutputLayout, failures: [ShardFailure] = []) throws -> StoreBuildSummary? {
        let partials = try FileSystem.contentsOfDirectory(layout.partialsDirectory)
            .filter { !$0.hasPrefix(".") }
            .map { Path.join(layout.partialsDirectory, $0) }
        _ = try PartialMerger.merge(partials: partials, into: layout.aggregatesDirectory)
        return try configuration.store.rebuild(layout: layout, partials: partials, failures: failures)
    }

    private func process(_ shards: [Shard], layout: OutputLayout) async throws -> RunSummary {
        var state = try CoordinatorState<Tagger>(
            shards: shards, layout: layout, configuration: configuration, logger: logger)
        for id in 0..<configuration.jobs {
            state.idleWorkers.append(
                WorkerBox(
                    id: id,
                    worker: try ChunkWorker(
                        tagger: makeTagger(), fields: configuration.fields, aggregation: configuration.aggregation,
                        compressionLevel: configuration.compressionLevel)))
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
            state.discardAll()
            throw error
        }
        return state.summary
    }
}

/// A shard's chunk reader, handed to exactly one read task at a time.
///
/// `@unchecked Sendable` is sound because the coordinator gives the box to one
/// child task and touches it again only after that task has returned it.
final class ReaderBox: @unchecked Sendable {
    let source: ShardByteSource
    let reader: ChunkReader
    var nextLine = 1

    init(source: ShardByteSource, reader: ChunkReader) {
        self.source = source
        self.reader = reader
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

/// What a child task hands back to the coordinator.
enum TaskOutcome<Tagger: EntityTagger>: Sendable {
    case read(shard: Int, chunk: ShardChunk?, firstLine: Int, error: ShardReadError?, box: ReaderBox)
    case processed(shard: Int, result: ChunkResult, worker: WorkerBox<Tagger>)
}

/// Everything the coordinator owns; only ever touched from the coordinating task.
struct CoordinatorState<Tagger: EntityTagger> {
    let shards: [Shard]
    let layout: OutputLayout
    let configuration: PipelineConfiguration
    let compressor: ZstdCompressor
    let logger: Logger
    var idleWorkers: [WorkerBox<Tagger>] = []
    private var outputs: [Int: ShardOutput] = [:]
    /// Shards whose chunks are all written, waiting for every worker to hand over its counts.
    private var finishing: [Int: (drained: Set<Int>, partials: [Partial])] = [:]
    private var idleReaders: [Int: ReaderBox] = [:]
    private var readingNow: Set<Int> = []
    private var waitingChunks: [(shard: Int, chunk: ShardChunk, firstLine: Int)] = []
    private var nextShard = 0
    private var outstanding = 0
    private var lastProgress = SystemInfo.monotonicSeconds()
    private(set) var summary = RunSummary()

    init(shards: [Shard], layout: OutputLayout, configuration: PipelineConfiguration, logger: Logger) throws {
        compressor = try ZstdCompressor(level: configuration.compressionLevel)
        self.logger = logger
        self.shards = shards
        self.layout = layout
        self.configuration = configuration
    }

    /// Starts every task the budget allows: processing first, then reads.
    mutating func launch(into group: inout ThrowingTaskGroup<TaskOutcome<Tagger>, any Error>) throws {
        while !waitingChunks.isEmpty, let worker = idleWorkers.popLast() {
            let (shard, chunk, firstLine) = waitingChunks.removeFirst()
            guard case .lines(let bytes) = chunk.content else { preconditionFailure("only lines are processed") }
            let name = shards[shard].relativePath
            group.addTask {
                let result = try worker.worker.process(
                    bytes, index: chunk.index, shard: shard, shardName: name, firstLine: firstLine,
                    byteOffset: chunk.byteOffset)
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
                    let chunk = try box.reader.next()
                    if let chunk, case .lines(let bytes) = chunk.content {
                        box.nextLine += bytes.withUnsafeBytes(LineCounter.count)
                    } else if chunk != nil {
                        box.nextLine += 1
                    }
                    return .read(shard: shard, chunk: chunk, firstLine: firstLine, error: nil, box: box)
                } catch {
                    return .read(shard: shard, chunk: nil, firstLine: firstLine, error: error, box: box)
                }
            }
        }
    }

    /// The open shard with an idle reader that comes first, opening a new shard
    /// when none is idle and fewer than `jobs + 1` are open.
    private mutating func nextReadableShard() throws -> Int? {
        if let shard = idleReaders.keys.min() { return shard }
        let open = outputs.count
        guard nextShard < shards.count, open <= configuration.jobs else { return nil }
        let index = nextShard
        nextShard += 1
        let shard = shards[index]
        let output = try ShardOutput(shard: shard, layout: layout)
        outputs[index] = output
        summary.shards += 1
        do {
            let source = try ShardByteSource(path: shard.path)
            let reader = ChunkReader(source: source, options: configuration.chunking, spillDirectory: layout.temporaryDirectory)
            idleReaders[index] = ReaderBox(source: source, reader: reader)
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
        case .read(let shard, let chunk, let firstLine, let error, let box):
            readingNow.remove(shard)
            guard let output = outputs[shard] else { return }
            if let chunk {
                output.chunksRead += 1
                outstanding += 1
                idleReaders[shard] = box
                summary.bytes += chunkBytes(chunk)
                switch chunk.content {
                case .lines:
                    waitingChunks.append((shard, chunk, firstLine))
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
                box.source.close()
                try finishIfComplete(shard)
            }
        case .processed(let shard, let result, let worker):
            idleWorkers.append(worker)
            try deliver(.processed(result), index: result.index, shard: shard)
            try drainIdleWorkers()
        }
        reportProgress()
    }

    private func chunkBytes(_ chunk: ShardChunk) -> Int64 {
        switch chunk.content {
        case .lines(let bytes): Int64(bytes.count)
        case .overlong(let line): line.length + 1
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
        try finishIfComplete(shard)
    }

    private mutating func finishIfComplete(_ shard: Int) throws {
        guard let output = outputs[shard], output.isComplete, finishing[shard] == nil else { return }
        finishing[shard] = (drained: [], partials: [])
        try drainIdleWorkers()
    }

    /// Collects the counts of finishing shards from the workers that are idle now;
    /// a busy worker hands over its part when it comes back.
    private mutating func drainIdleWorkers() throws {
        for shard in finishing.keys.sorted() {
            guard var entry = finishing[shard] else { continue }
            for box in idleWorkers where !entry.drained.contains(box.id) {
                entry.drained.insert(box.id)
                if let partial = box.worker.takePartial(shard: shard) { entry.partials.append(partial) }
            }
            if entry.drained.count == configuration.jobs {
                finishing.removeValue(forKey: shard)
                try finish(shard, partials: entry.partials)
            } else {
                finishing[shard] = entry
            }
        }
    }

    private mutating func finish(_ shard: Int, partials: [Partial]) throws {
        guard let output = outputs.removeValue(forKey: shard) else { return }
        let reasons = try output.finish(partials: partials, compressor: compressor)
        idleReaders.removeValue(forKey: shard)
        summary.lines += output.lines
        summary.documents += output.documentCount
        summary.rejectsByReason.merge(reasons, uniquingKeysWith: +)
        if let failure = output.failure {
            summary.failures.append(ShardFailure(shard: output.shard.relativePath, reason: failure.description))
        }
        logger.debug("shard done: \(output.shard.relativePath) lines=\(output.lines) documents=\(output.documentCount) rejects=\(output.rejects)")
    }

    private mutating func reportProgress() {
        let now = SystemInfo.monotonicSeconds()
        guard now - lastProgress >= 10 else { return }
        lastProgress = now
        logger.info("progress: \(summary.shards)/\(shards.count) shards started, \(summary.bytes / 1_000_000) MB read")
    }

    /// Removes every temporary file of unfinished shards after a fatal error.
    func discardAll() {
        for output in outputs.values { output.discard() }
    }
}
