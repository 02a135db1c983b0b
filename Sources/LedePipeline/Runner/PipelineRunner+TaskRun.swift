import Foundation
import LedeIO
import Logging

extension PipelineRunner {
    /// Processes one task's slice of `shards` into the shared output directory,
    /// without merging: `lede run --task I --tasks N`.
    ///
    /// Holds the directory's ``RunLock`` shared, so other task runs may work at
    /// the same time while a plain run or `lede merge` waits, and claims each
    /// shard of the slice (``ShardClaim``) before looking at its record: a shard
    /// another live process has claimed is skipped and listed in
    /// ``RunSummary/claimedElsewhere``. A claimed shard is then handled as a
    /// plain run handles it (unchanged ones are left alone, whatever task
    /// finished them, so changing `N` never redoes finished work). Only the
    /// slice's shards are touched: their leftovers are cleared, recorded shards
    /// of the slice whose files are gone are removed (unless
    /// ``PipelineConfiguration/keepMissing``), and every other shard's files
    /// and records are left as they are. The tables and the store are not
    /// rebuilt; `lede merge` does that once every task has finished.
    ///
    /// Records the inputs in `_state/run.json` like a plain run, with the same
    /// content from every task of one array (its holder names the task count,
    /// not a process), so that `lede merge` and `lede status` know which shards
    /// make the whole run.
    ///
    /// - Throws: ``RunLockedError`` when a plain run or a merge holds the directory;
    ///   ``LedeIO/SystemError`` or ``LedeAggregation/AggregationError`` when an
    ///   output cannot be written.
    public func runTask(shards: [Shard], slice: ShardSlice) async throws -> RunSummary {
        let layout = OutputLayout(root: configuration.output)
        let command = "run --task \(slice.task) --tasks \(slice.tasks)"
        let lock = try RunLock.acquire(layout, command: command, shared: true)
        defer { lock.release() }
        let started = SystemInfo.monotonicSeconds()
        let state = RunState(layout: layout)
        try FileSystem.createDirectory(layout.partialsDirectory)
        let previous = state.runRecord()
        let runRecord = RunRecord(
            inputs: configuration.inputs.map(FileSystem.absolutePath), settings: configuration.settings,
            chunkSize: configuration.chunking.chunkSize, maxLineLength: configuration.chunking.maxLineLength,
            holder: "lede run --tasks \(slice.tasks)", completed: previous?.completed)
        if previous != runRecord { try state.write(runRecord) }

        var summary = RunSummary()
        summary.slice = slice
        var claims: [FileLock] = []
        defer { for claim in claims { claim.release() } }
        var claimed: [Shard] = []
        for shard in slice.select(shards) {
            if let claim = try ShardClaim.acquire(shard.relativePath, layout: layout, command: command) {
                claims.append(claim)
                claimed.append(shard)
            } else {
                let holder = ShardClaim.holder(shard.relativePath, layout: layout) ?? ""
                summary.claimedElsewhere.append((shard.relativePath, holder))
                logger.warning("\(shard.relativePath) is skipped: another process works on it (\(holder.isEmpty ? "just starting" : holder))")
            }
        }
        let survey = try await ShardSurvey.make(shards: claimed, configuration: configuration, layout: layout, logger: logger)
        try prepareTask(survey, slice: slice, command: command, state: state, claims: &claims, summary: &summary)
        let work = survey.assessments.filter(\.needsProcessing).map { ShardWork(shard: $0.shard, checkpoint: $0.checkpoint) }
        logger.info(
            "task \(slice.task) of \(slice.stride): \(work.count) of \(claimed.count) claimed shard(s) to process (\(summary.newShards) new, \(summary.changedShards) changed), \(summary.unchangedShards) unchanged; tables are merged by `lede merge`")
        // Spill files get a directory of their own: other tasks' may be in use, and
        // only a plain run (which excludes every task) may clear `_state/tmp` wholesale.
        let spill = Path.join(layout.temporaryDirectory, "task-\(ProcessInfo.processInfo.hostName)-\(getpid())")
        summary = try await process(work, layout: layout, summary: summary, spillDirectory: spill)
        try FileSystem.removeTree(spill)
        summary.seconds = SystemInfo.monotonicSeconds() - started
        summary.peakResidentBytes = SystemInfo.peakResidentBytes
        return summary
    }

    /// A task run's counterpart of a plain run's preparation, limited to the
    /// shards it has claimed and to vanished shards of its slice, which it claims
    /// before removing them.
    private func prepareTask(
        _ survey: ShardSurvey, slice: ShardSlice, command: String, state: RunState, claims: inout [FileLock],
        summary: inout RunSummary
    ) throws {
        for assessment in survey.assessments {
            let relativePath = assessment.shard.relativePath
            switch assessment.verdict {
            case .unchanged:
                summary.unchangedShards += 1
                if let refreshed = assessment.refreshed { try state.write(refreshed) }
                if let record = assessment.record, record.status == .failed { summary.earlierFailures.append(ShardFailure(record)) }
            case .new:
                summary.newShards += 1
                // A partial without a record is what a killed run left; the record is written last.
                try FileSystem.removeTree(state.layout.partialPath(forRelativePath: relativePath))
            case .changed(let why):
                summary.changedShards += 1
                logger.info("\(relativePath) changed: \(why); it is processed again")
            }
            if assessment.checkpoint == nil { try state.removeCheckpoint(forRelativePath: relativePath) }
        }
        for record in survey.missing where slice.contains(Shard(path: record.source, relativePath: record.shard)) {
            if configuration.keepMissing {
                summary.missingKept.append(record.shard)
                continue
            }
            guard let claim = try ShardClaim.acquire(record.shard, layout: state.layout, command: command) else { continue }
            claims.append(claim)
            try state.removeShard(record.shard)
            summary.missingRemoved.append(record.shard)
            logger.warning("\(record.shard) is gone from the inputs; its documents and counts are removed")
        }
    }
}
